package cupcake.system

import rego.v1

# METADATA
# scope: document
# title: Decision aggregator of the adversarial project
# authors: ["Cupcake for Swift fixtures"]
# custom:
#   description: "Gathers each verb's decisions from every policy package into one DecisionSet"
#   entrypoint: true
#   routing:
#     required_events: []
#     required_tools: []

# DecisionSet key -> the rule name each policy package uses for that verb.
verb_rules := {
	"halts": "halt",
	"denials": "deny",
	"blocks": "block",
	"asks": "ask",
	"modifications": "modify",
	"add_context": "add_context",
}

# The entrypoint (`opa build -t wasm -O 2 -e cupcake/system/evaluate`): every key is present,
# an empty list when no policy decided anything for it.
evaluate := {key: gathered(rule) | some key, rule in verb_rules}

# walk() reaches packages at any depth in path order (package names sorted), so a new policy
# file needs no change here; a set's decisions come out in sorted order, equal ones once.
gathered(rule) := [decision |
	walk(data.cupcake.policies, [path, decisions])
	count(path) > 0
	path[count(path) - 1] == rule
	some decision in decisions
]
