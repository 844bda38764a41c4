# METADATA
# scope: package
# title: Large fixture policy p083
# custom:
#   id: LARGE-083
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p083

import rego.v1

needles := [
	"block-p083-00",
	"block-p083-01",
	"block-p083-02",
	"block-p083-03",
	"block-p083-04",
	"block-p083-05",
	"block-p083-06",
	"block-p083-07",
	"block-p083-08",
	"block-p083-09",
	"block-p083-10",
	"block-p083-11",
	"block-p083-12",
	"block-p083-13",
	"block-p083-14",
	"block-p083-15",
	"block-p083-16",
	"block-p083-17",
	"block-p083-18",
	"block-p083-19",
	"block-p083-20",
	"block-p083-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-083",
		"reason": concat("", ["Large fixture policy p083 matched ", needle]),
		"severity": "HIGH",
	}
}
