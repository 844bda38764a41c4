# METADATA
# scope: package
# title: Large fixture policy p029
# custom:
#   id: LARGE-029
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p029

import rego.v1

needles := [
	"block-p029-00",
	"block-p029-01",
	"block-p029-02",
	"block-p029-03",
	"block-p029-04",
	"block-p029-05",
	"block-p029-06",
	"block-p029-07",
	"block-p029-08",
	"block-p029-09",
	"block-p029-10",
	"block-p029-11",
	"block-p029-12",
	"block-p029-13",
	"block-p029-14",
	"block-p029-15",
	"block-p029-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-029",
		"reason": concat("", ["Large fixture policy p029 matched ", needle]),
		"severity": "HIGH",
	}
}
