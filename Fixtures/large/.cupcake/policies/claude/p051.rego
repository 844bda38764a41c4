# METADATA
# scope: package
# title: Large fixture policy p051
# custom:
#   id: LARGE-051
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p051

import rego.v1

needles := [
	"block-p051-00",
	"block-p051-01",
	"block-p051-02",
	"block-p051-03",
	"block-p051-04",
	"block-p051-05",
	"block-p051-06",
	"block-p051-07",
	"block-p051-08",
	"block-p051-09",
	"block-p051-10",
	"block-p051-11",
	"block-p051-12",
	"block-p051-13",
	"block-p051-14",
	"block-p051-15",
	"block-p051-16",
	"block-p051-17",
	"block-p051-18",
	"block-p051-19",
	"block-p051-20",
	"block-p051-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-051",
		"reason": concat("", ["Large fixture policy p051 matched ", needle]),
		"severity": "HIGH",
	}
}
