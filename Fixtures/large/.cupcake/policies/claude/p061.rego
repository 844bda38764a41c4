# METADATA
# scope: package
# title: Large fixture policy p061
# custom:
#   id: LARGE-061
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p061

import rego.v1

needles := [
	"block-p061-00",
	"block-p061-01",
	"block-p061-02",
	"block-p061-03",
	"block-p061-04",
	"block-p061-05",
	"block-p061-06",
	"block-p061-07",
	"block-p061-08",
	"block-p061-09",
	"block-p061-10",
	"block-p061-11",
	"block-p061-12",
	"block-p061-13",
	"block-p061-14",
	"block-p061-15",
	"block-p061-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-061",
		"reason": concat("", ["Large fixture policy p061 matched ", needle]),
		"severity": "HIGH",
	}
}
