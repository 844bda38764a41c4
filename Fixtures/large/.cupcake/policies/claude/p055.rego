# METADATA
# scope: package
# title: Large fixture policy p055
# custom:
#   id: LARGE-055
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p055

import rego.v1

needles := [
	"block-p055-00",
	"block-p055-01",
	"block-p055-02",
	"block-p055-03",
	"block-p055-04",
	"block-p055-05",
	"block-p055-06",
	"block-p055-07",
	"block-p055-08",
	"block-p055-09",
	"block-p055-10",
	"block-p055-11",
	"block-p055-12",
	"block-p055-13",
	"block-p055-14",
	"block-p055-15",
	"block-p055-16",
	"block-p055-17",
	"block-p055-18",
	"block-p055-19",
	"block-p055-20",
	"block-p055-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-055",
		"reason": concat("", ["Large fixture policy p055 matched ", needle]),
		"severity": "HIGH",
	}
}
