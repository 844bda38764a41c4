# METADATA
# scope: package
# title: Large fixture policy p011
# custom:
#   id: LARGE-011
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p011

import rego.v1

needles := [
	"block-p011-00",
	"block-p011-01",
	"block-p011-02",
	"block-p011-03",
	"block-p011-04",
	"block-p011-05",
	"block-p011-06",
	"block-p011-07",
	"block-p011-08",
	"block-p011-09",
	"block-p011-10",
	"block-p011-11",
	"block-p011-12",
	"block-p011-13",
	"block-p011-14",
	"block-p011-15",
	"block-p011-16",
	"block-p011-17",
	"block-p011-18",
	"block-p011-19",
	"block-p011-20",
	"block-p011-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-011",
		"reason": concat("", ["Large fixture policy p011 matched ", needle]),
		"severity": "HIGH",
	}
}
