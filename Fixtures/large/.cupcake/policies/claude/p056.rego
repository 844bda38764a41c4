# METADATA
# scope: package
# title: Large fixture policy p056
# custom:
#   id: LARGE-056
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p056

import rego.v1

needles := [
	"block-p056-00",
	"block-p056-01",
	"block-p056-02",
	"block-p056-03",
	"block-p056-04",
	"block-p056-05",
	"block-p056-06",
	"block-p056-07",
	"block-p056-08",
	"block-p056-09",
	"block-p056-10",
	"block-p056-11",
	"block-p056-12",
	"block-p056-13",
	"block-p056-14",
	"block-p056-15",
	"block-p056-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-056",
		"reason": concat("", ["Large fixture policy p056 matched ", needle]),
		"severity": "HIGH",
	}
}
