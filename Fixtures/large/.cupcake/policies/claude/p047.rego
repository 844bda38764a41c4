# METADATA
# scope: package
# title: Large fixture policy p047
# custom:
#   id: LARGE-047
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p047

import rego.v1

needles := [
	"block-p047-00",
	"block-p047-01",
	"block-p047-02",
	"block-p047-03",
	"block-p047-04",
	"block-p047-05",
	"block-p047-06",
	"block-p047-07",
	"block-p047-08",
	"block-p047-09",
	"block-p047-10",
	"block-p047-11",
	"block-p047-12",
	"block-p047-13",
	"block-p047-14",
	"block-p047-15",
	"block-p047-16",
	"block-p047-17",
	"block-p047-18",
	"block-p047-19",
	"block-p047-20",
	"block-p047-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-047",
		"reason": concat("", ["Large fixture policy p047 matched ", needle]),
		"severity": "HIGH",
	}
}
