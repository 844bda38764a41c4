# METADATA
# scope: package
# title: Large fixture policy p059
# custom:
#   id: LARGE-059
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p059

import rego.v1

needles := [
	"block-p059-00",
	"block-p059-01",
	"block-p059-02",
	"block-p059-03",
	"block-p059-04",
	"block-p059-05",
	"block-p059-06",
	"block-p059-07",
	"block-p059-08",
	"block-p059-09",
	"block-p059-10",
	"block-p059-11",
	"block-p059-12",
	"block-p059-13",
	"block-p059-14",
	"block-p059-15",
	"block-p059-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-059",
		"reason": concat("", ["Large fixture policy p059 matched ", needle]),
		"severity": "HIGH",
	}
}
