# METADATA
# scope: package
# title: Large fixture policy p071
# custom:
#   id: LARGE-071
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p071

import rego.v1

needles := [
	"block-p071-00",
	"block-p071-01",
	"block-p071-02",
	"block-p071-03",
	"block-p071-04",
	"block-p071-05",
	"block-p071-06",
	"block-p071-07",
	"block-p071-08",
	"block-p071-09",
	"block-p071-10",
	"block-p071-11",
	"block-p071-12",
	"block-p071-13",
	"block-p071-14",
	"block-p071-15",
	"block-p071-16",
	"block-p071-17",
	"block-p071-18",
	"block-p071-19",
	"block-p071-20",
	"block-p071-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-071",
		"reason": concat("", ["Large fixture policy p071 matched ", needle]),
		"severity": "HIGH",
	}
}
