# METADATA
# scope: package
# title: Large fixture policy p035
# custom:
#   id: LARGE-035
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p035

import rego.v1

needles := [
	"block-p035-00",
	"block-p035-01",
	"block-p035-02",
	"block-p035-03",
	"block-p035-04",
	"block-p035-05",
	"block-p035-06",
	"block-p035-07",
	"block-p035-08",
	"block-p035-09",
	"block-p035-10",
	"block-p035-11",
	"block-p035-12",
	"block-p035-13",
	"block-p035-14",
	"block-p035-15",
	"block-p035-16",
	"block-p035-17",
	"block-p035-18",
	"block-p035-19",
	"block-p035-20",
	"block-p035-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-035",
		"reason": concat("", ["Large fixture policy p035 matched ", needle]),
		"severity": "HIGH",
	}
}
