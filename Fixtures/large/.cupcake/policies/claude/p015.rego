# METADATA
# scope: package
# title: Large fixture policy p015
# custom:
#   id: LARGE-015
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p015

import rego.v1

needles := [
	"block-p015-00",
	"block-p015-01",
	"block-p015-02",
	"block-p015-03",
	"block-p015-04",
	"block-p015-05",
	"block-p015-06",
	"block-p015-07",
	"block-p015-08",
	"block-p015-09",
	"block-p015-10",
	"block-p015-11",
	"block-p015-12",
	"block-p015-13",
	"block-p015-14",
	"block-p015-15",
	"block-p015-16",
	"block-p015-17",
	"block-p015-18",
	"block-p015-19",
	"block-p015-20",
	"block-p015-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-015",
		"reason": concat("", ["Large fixture policy p015 matched ", needle]),
		"severity": "HIGH",
	}
}
