# METADATA
# scope: package
# title: Large fixture policy p031
# custom:
#   id: LARGE-031
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p031

import rego.v1

needles := [
	"block-p031-00",
	"block-p031-01",
	"block-p031-02",
	"block-p031-03",
	"block-p031-04",
	"block-p031-05",
	"block-p031-06",
	"block-p031-07",
	"block-p031-08",
	"block-p031-09",
	"block-p031-10",
	"block-p031-11",
	"block-p031-12",
	"block-p031-13",
	"block-p031-14",
	"block-p031-15",
	"block-p031-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-031",
		"reason": concat("", ["Large fixture policy p031 matched ", needle]),
		"severity": "HIGH",
	}
}
