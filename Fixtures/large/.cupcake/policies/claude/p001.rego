# METADATA
# scope: package
# title: Large fixture policy p001
# custom:
#   id: LARGE-001
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p001

import rego.v1

needles := [
	"deny-p001-00",
	"deny-p001-01",
	"deny-p001-02",
	"deny-p001-03",
	"deny-p001-04",
	"deny-p001-05",
	"deny-p001-06",
	"deny-p001-07",
	"deny-p001-08",
	"deny-p001-09",
	"deny-p001-10",
	"deny-p001-11",
	"deny-p001-12",
	"deny-p001-13",
	"deny-p001-14",
	"deny-p001-15",
	"deny-p001-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-001",
		"reason": concat("", ["Large fixture policy p001 matched ", needle]),
		"severity": "HIGH",
	}
}
