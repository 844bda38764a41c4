# METADATA
# scope: package
# title: Large fixture policy p095
# custom:
#   id: LARGE-095
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p095

import rego.v1

needles := [
	"block-p095-00",
	"block-p095-01",
	"block-p095-02",
	"block-p095-03",
	"block-p095-04",
	"block-p095-05",
	"block-p095-06",
	"block-p095-07",
	"block-p095-08",
	"block-p095-09",
	"block-p095-10",
	"block-p095-11",
	"block-p095-12",
	"block-p095-13",
	"block-p095-14",
	"block-p095-15",
	"block-p095-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-095",
		"reason": concat("", ["Large fixture policy p095 matched ", needle]),
		"severity": "HIGH",
	}
}
