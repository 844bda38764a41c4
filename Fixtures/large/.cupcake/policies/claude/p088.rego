# METADATA
# scope: package
# title: Large fixture policy p088
# custom:
#   id: LARGE-088
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p088

import rego.v1

needles := [
	"block-p088-00",
	"block-p088-01",
	"block-p088-02",
	"block-p088-03",
	"block-p088-04",
	"block-p088-05",
	"block-p088-06",
	"block-p088-07",
	"block-p088-08",
	"block-p088-09",
	"block-p088-10",
	"block-p088-11",
	"block-p088-12",
	"block-p088-13",
	"block-p088-14",
	"block-p088-15",
	"block-p088-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-088",
		"reason": concat("", ["Large fixture policy p088 matched ", needle]),
		"severity": "HIGH",
	}
}
