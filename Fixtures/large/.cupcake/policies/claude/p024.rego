# METADATA
# scope: package
# title: Large fixture policy p024
# custom:
#   id: LARGE-024
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p024

import rego.v1

needles := [
	"block-p024-00",
	"block-p024-01",
	"block-p024-02",
	"block-p024-03",
	"block-p024-04",
	"block-p024-05",
	"block-p024-06",
	"block-p024-07",
	"block-p024-08",
	"block-p024-09",
	"block-p024-10",
	"block-p024-11",
	"block-p024-12",
	"block-p024-13",
	"block-p024-14",
	"block-p024-15",
	"block-p024-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-024",
		"reason": concat("", ["Large fixture policy p024 matched ", needle]),
		"severity": "HIGH",
	}
}
