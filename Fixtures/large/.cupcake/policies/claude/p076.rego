# METADATA
# scope: package
# title: Large fixture policy p076
# custom:
#   id: LARGE-076
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p076

import rego.v1

needles := [
	"deny-p076-00",
	"deny-p076-01",
	"deny-p076-02",
	"deny-p076-03",
	"deny-p076-04",
	"deny-p076-05",
	"deny-p076-06",
	"deny-p076-07",
	"deny-p076-08",
	"deny-p076-09",
	"deny-p076-10",
	"deny-p076-11",
	"deny-p076-12",
	"deny-p076-13",
	"deny-p076-14",
	"deny-p076-15",
	"deny-p076-16",
	"deny-p076-17",
	"deny-p076-18",
	"deny-p076-19",
	"deny-p076-20",
	"deny-p076-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-076",
		"reason": concat("", ["Large fixture policy p076 matched ", needle]),
		"severity": "HIGH",
	}
}
