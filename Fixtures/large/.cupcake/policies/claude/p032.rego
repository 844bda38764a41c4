# METADATA
# scope: package
# title: Large fixture policy p032
# custom:
#   id: LARGE-032
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p032

import rego.v1

needles := [
	"deny-p032-00",
	"deny-p032-01",
	"deny-p032-02",
	"deny-p032-03",
	"deny-p032-04",
	"deny-p032-05",
	"deny-p032-06",
	"deny-p032-07",
	"deny-p032-08",
	"deny-p032-09",
	"deny-p032-10",
	"deny-p032-11",
	"deny-p032-12",
	"deny-p032-13",
	"deny-p032-14",
	"deny-p032-15",
	"deny-p032-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-032",
		"reason": concat("", ["Large fixture policy p032 matched ", needle]),
		"severity": "HIGH",
	}
}
