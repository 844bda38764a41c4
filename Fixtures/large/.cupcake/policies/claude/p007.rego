# METADATA
# scope: package
# title: Large fixture policy p007
# custom:
#   id: LARGE-007
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p007

import rego.v1

needles := [
	"block-p007-00",
	"block-p007-01",
	"block-p007-02",
	"block-p007-03",
	"block-p007-04",
	"block-p007-05",
	"block-p007-06",
	"block-p007-07",
	"block-p007-08",
	"block-p007-09",
	"block-p007-10",
	"block-p007-11",
	"block-p007-12",
	"block-p007-13",
	"block-p007-14",
	"block-p007-15",
	"block-p007-16",
	"block-p007-17",
	"block-p007-18",
	"block-p007-19",
	"block-p007-20",
	"block-p007-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-007",
		"reason": concat("", ["Large fixture policy p007 matched ", needle]),
		"severity": "HIGH",
	}
}
