# METADATA
# scope: package
# title: Large fixture policy p039
# custom:
#   id: LARGE-039
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p039

import rego.v1

needles := [
	"block-p039-00",
	"block-p039-01",
	"block-p039-02",
	"block-p039-03",
	"block-p039-04",
	"block-p039-05",
	"block-p039-06",
	"block-p039-07",
	"block-p039-08",
	"block-p039-09",
	"block-p039-10",
	"block-p039-11",
	"block-p039-12",
	"block-p039-13",
	"block-p039-14",
	"block-p039-15",
	"block-p039-16",
	"block-p039-17",
	"block-p039-18",
	"block-p039-19",
	"block-p039-20",
	"block-p039-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-039",
		"reason": concat("", ["Large fixture policy p039 matched ", needle]),
		"severity": "HIGH",
	}
}
