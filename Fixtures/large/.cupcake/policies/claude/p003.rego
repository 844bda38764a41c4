# METADATA
# scope: package
# title: Large fixture policy p003
# custom:
#   id: LARGE-003
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p003

import rego.v1

needles := [
	"block-p003-00",
	"block-p003-01",
	"block-p003-02",
	"block-p003-03",
	"block-p003-04",
	"block-p003-05",
	"block-p003-06",
	"block-p003-07",
	"block-p003-08",
	"block-p003-09",
	"block-p003-10",
	"block-p003-11",
	"block-p003-12",
	"block-p003-13",
	"block-p003-14",
	"block-p003-15",
	"block-p003-16",
	"block-p003-17",
	"block-p003-18",
	"block-p003-19",
	"block-p003-20",
	"block-p003-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-003",
		"reason": concat("", ["Large fixture policy p003 matched ", needle]),
		"severity": "HIGH",
	}
}
