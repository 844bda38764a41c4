# METADATA
# scope: package
# title: Large fixture policy p016
# custom:
#   id: LARGE-016
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p016

import rego.v1

needles := [
	"deny-p016-00",
	"deny-p016-01",
	"deny-p016-02",
	"deny-p016-03",
	"deny-p016-04",
	"deny-p016-05",
	"deny-p016-06",
	"deny-p016-07",
	"deny-p016-08",
	"deny-p016-09",
	"deny-p016-10",
	"deny-p016-11",
	"deny-p016-12",
	"deny-p016-13",
	"deny-p016-14",
	"deny-p016-15",
	"deny-p016-16",
	"deny-p016-17",
	"deny-p016-18",
	"deny-p016-19",
	"deny-p016-20",
	"deny-p016-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-016",
		"reason": concat("", ["Large fixture policy p016 matched ", needle]),
		"severity": "HIGH",
	}
}
