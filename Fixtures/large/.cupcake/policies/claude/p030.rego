# METADATA
# scope: package
# title: Large fixture policy p030
# custom:
#   id: LARGE-030
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p030

import rego.v1

needles := [
	"block-p030-00",
	"block-p030-01",
	"block-p030-02",
	"block-p030-03",
	"block-p030-04",
	"block-p030-05",
	"block-p030-06",
	"block-p030-07",
	"block-p030-08",
	"block-p030-09",
	"block-p030-10",
	"block-p030-11",
	"block-p030-12",
	"block-p030-13",
	"block-p030-14",
	"block-p030-15",
	"block-p030-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-030",
		"reason": concat("", ["Large fixture policy p030 matched ", needle]),
		"severity": "HIGH",
	}
}
