# METADATA
# scope: package
# title: Large fixture policy p067
# custom:
#   id: LARGE-067
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p067

import rego.v1

needles := [
	"block-p067-00",
	"block-p067-01",
	"block-p067-02",
	"block-p067-03",
	"block-p067-04",
	"block-p067-05",
	"block-p067-06",
	"block-p067-07",
	"block-p067-08",
	"block-p067-09",
	"block-p067-10",
	"block-p067-11",
	"block-p067-12",
	"block-p067-13",
	"block-p067-14",
	"block-p067-15",
	"block-p067-16",
	"block-p067-17",
	"block-p067-18",
	"block-p067-19",
	"block-p067-20",
	"block-p067-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-067",
		"reason": concat("", ["Large fixture policy p067 matched ", needle]),
		"severity": "HIGH",
	}
}
