# METADATA
# scope: package
# title: Large fixture policy p023
# custom:
#   id: LARGE-023
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p023

import rego.v1

needles := [
	"ask-p023-00",
	"ask-p023-01",
	"ask-p023-02",
	"ask-p023-03",
	"ask-p023-04",
	"ask-p023-05",
	"ask-p023-06",
	"ask-p023-07",
	"ask-p023-08",
	"ask-p023-09",
	"ask-p023-10",
	"ask-p023-11",
	"ask-p023-12",
	"ask-p023-13",
	"ask-p023-14",
	"ask-p023-15",
	"ask-p023-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-023",
		"reason": concat("", ["Large fixture policy p023 matched ", needle]),
		"severity": "MEDIUM",
	}
}
