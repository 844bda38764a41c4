# METADATA
# scope: package
# title: Large fixture policy p079
# custom:
#   id: LARGE-079
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p079

import rego.v1

needles := [
	"block-p079-00",
	"block-p079-01",
	"block-p079-02",
	"block-p079-03",
	"block-p079-04",
	"block-p079-05",
	"block-p079-06",
	"block-p079-07",
	"block-p079-08",
	"block-p079-09",
	"block-p079-10",
	"block-p079-11",
	"block-p079-12",
	"block-p079-13",
	"block-p079-14",
	"block-p079-15",
	"block-p079-16",
	"block-p079-17",
	"block-p079-18",
	"block-p079-19",
	"block-p079-20",
	"block-p079-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-079",
		"reason": concat("", ["Large fixture policy p079 matched ", needle]),
		"severity": "HIGH",
	}
}
