# METADATA
# scope: package
# title: Large fixture policy p093
# custom:
#   id: LARGE-093
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p093

import rego.v1

needles := [
	"block-p093-00",
	"block-p093-01",
	"block-p093-02",
	"block-p093-03",
	"block-p093-04",
	"block-p093-05",
	"block-p093-06",
	"block-p093-07",
	"block-p093-08",
	"block-p093-09",
	"block-p093-10",
	"block-p093-11",
	"block-p093-12",
	"block-p093-13",
	"block-p093-14",
	"block-p093-15",
	"block-p093-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-093",
		"reason": concat("", ["Large fixture policy p093 matched ", needle]),
		"severity": "HIGH",
	}
}
