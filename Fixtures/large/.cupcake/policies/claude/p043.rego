# METADATA
# scope: package
# title: Large fixture policy p043
# custom:
#   id: LARGE-043
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p043

import rego.v1

needles := [
	"block-p043-00",
	"block-p043-01",
	"block-p043-02",
	"block-p043-03",
	"block-p043-04",
	"block-p043-05",
	"block-p043-06",
	"block-p043-07",
	"block-p043-08",
	"block-p043-09",
	"block-p043-10",
	"block-p043-11",
	"block-p043-12",
	"block-p043-13",
	"block-p043-14",
	"block-p043-15",
	"block-p043-16",
	"block-p043-17",
	"block-p043-18",
	"block-p043-19",
	"block-p043-20",
	"block-p043-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-043",
		"reason": concat("", ["Large fixture policy p043 matched ", needle]),
		"severity": "HIGH",
	}
}
