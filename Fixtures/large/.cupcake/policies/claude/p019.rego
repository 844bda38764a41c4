# METADATA
# scope: package
# title: Large fixture policy p019
# custom:
#   id: LARGE-019
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p019

import rego.v1

needles := [
	"block-p019-00",
	"block-p019-01",
	"block-p019-02",
	"block-p019-03",
	"block-p019-04",
	"block-p019-05",
	"block-p019-06",
	"block-p019-07",
	"block-p019-08",
	"block-p019-09",
	"block-p019-10",
	"block-p019-11",
	"block-p019-12",
	"block-p019-13",
	"block-p019-14",
	"block-p019-15",
	"block-p019-16",
	"block-p019-17",
	"block-p019-18",
	"block-p019-19",
	"block-p019-20",
	"block-p019-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-019",
		"reason": concat("", ["Large fixture policy p019 matched ", needle]),
		"severity": "HIGH",
	}
}
