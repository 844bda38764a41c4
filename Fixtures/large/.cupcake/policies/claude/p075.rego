# METADATA
# scope: package
# title: Large fixture policy p075
# custom:
#   id: LARGE-075
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p075

import rego.v1

needles := [
	"block-p075-00",
	"block-p075-01",
	"block-p075-02",
	"block-p075-03",
	"block-p075-04",
	"block-p075-05",
	"block-p075-06",
	"block-p075-07",
	"block-p075-08",
	"block-p075-09",
	"block-p075-10",
	"block-p075-11",
	"block-p075-12",
	"block-p075-13",
	"block-p075-14",
	"block-p075-15",
	"block-p075-16",
	"block-p075-17",
	"block-p075-18",
	"block-p075-19",
	"block-p075-20",
	"block-p075-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-075",
		"reason": concat("", ["Large fixture policy p075 matched ", needle]),
		"severity": "HIGH",
	}
}
