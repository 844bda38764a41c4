# METADATA
# scope: package
# title: Large fixture policy p063
# custom:
#   id: LARGE-063
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p063

import rego.v1

needles := [
	"block-p063-00",
	"block-p063-01",
	"block-p063-02",
	"block-p063-03",
	"block-p063-04",
	"block-p063-05",
	"block-p063-06",
	"block-p063-07",
	"block-p063-08",
	"block-p063-09",
	"block-p063-10",
	"block-p063-11",
	"block-p063-12",
	"block-p063-13",
	"block-p063-14",
	"block-p063-15",
	"block-p063-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-063",
		"reason": concat("", ["Large fixture policy p063 matched ", needle]),
		"severity": "HIGH",
	}
}
