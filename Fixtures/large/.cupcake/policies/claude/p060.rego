# METADATA
# scope: package
# title: Large fixture policy p060
# custom:
#   id: LARGE-060
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p060

import rego.v1

needles := [
	"deny-p060-00",
	"deny-p060-01",
	"deny-p060-02",
	"deny-p060-03",
	"deny-p060-04",
	"deny-p060-05",
	"deny-p060-06",
	"deny-p060-07",
	"deny-p060-08",
	"deny-p060-09",
	"deny-p060-10",
	"deny-p060-11",
	"deny-p060-12",
	"deny-p060-13",
	"deny-p060-14",
	"deny-p060-15",
	"deny-p060-16",
	"deny-p060-17",
	"deny-p060-18",
	"deny-p060-19",
	"deny-p060-20",
	"deny-p060-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-060",
		"reason": concat("", ["Large fixture policy p060 matched ", needle]),
		"severity": "HIGH",
	}
}
