# METADATA
# scope: package
# title: Large fixture policy p023
# custom:
#   id: LARGE-023
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p023

import rego.v1

needles := [
	"block-p023-00",
	"block-p023-01",
	"block-p023-02",
	"block-p023-03",
	"block-p023-04",
	"block-p023-05",
	"block-p023-06",
	"block-p023-07",
	"block-p023-08",
	"block-p023-09",
	"block-p023-10",
	"block-p023-11",
	"block-p023-12",
	"block-p023-13",
	"block-p023-14",
	"block-p023-15",
	"block-p023-16",
	"block-p023-17",
	"block-p023-18",
	"block-p023-19",
	"block-p023-20",
	"block-p023-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-023",
		"reason": concat("", ["Large fixture policy p023 matched ", needle]),
		"severity": "HIGH",
	}
}
