package cupcake.system

import rego.v1

# METADATA
# scope: document
# title: System aggregation entrypoint
# authors: ["Cupcake for Swift fixtures"]
# custom:
#   description: "Collects every decision verb of every policy into one DecisionSet"
#   entrypoint: true
#   routing:
#     required_events: []
#     required_tools: []

# The single entrypoint (`opa build -t wasm -O 2 -e cupcake/system/evaluate`).
# walk() visits every package under data.cupcake.policies, whatever its name or depth,
# so adding a policy file never needs a change here.
evaluate := {
	"halts": collect_verbs("halt"),
	"denials": collect_verbs("deny"),
	"blocks": collect_verbs("block"),
	"asks": collect_verbs("ask"),
	"modifications": collect_verbs("modify"),
	"add_context": collect_verbs("add_context"),
}

# All decisions of one verb, flattened from the verb's set in each package.
collect_verbs(verb_name) := [decision |
	walk(data.cupcake.policies, [path, verb_set])
	path[count(path) - 1] == verb_name
	some decision in verb_set
]

default collect_verbs(_) := []
