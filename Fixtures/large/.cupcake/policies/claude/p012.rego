# METADATA
# scope: package
# title: Large fixture policy p012
# custom:
#   id: LARGE-012
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p012

import rego.v1

needles := [
	"deny-p012-00",
	"deny-p012-01",
	"deny-p012-02",
	"deny-p012-03",
	"deny-p012-04",
	"deny-p012-05",
	"deny-p012-06",
	"deny-p012-07",
	"deny-p012-08",
	"deny-p012-09",
	"deny-p012-10",
	"deny-p012-11",
	"deny-p012-12",
	"deny-p012-13",
	"deny-p012-14",
	"deny-p012-15",
	"deny-p012-16",
	"deny-p012-17",
	"deny-p012-18",
	"deny-p012-19",
	"deny-p012-20",
	"deny-p012-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-012",
		"reason": concat("", ["Large fixture policy p012 matched ", needle]),
		"severity": "HIGH",
	}
}
