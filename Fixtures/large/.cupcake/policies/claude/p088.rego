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
	"deny-p088-00",
	"deny-p088-01",
	"deny-p088-02",
	"deny-p088-03",
	"deny-p088-04",
	"deny-p088-05",
	"deny-p088-06",
	"deny-p088-07",
	"deny-p088-08",
	"deny-p088-09",
	"deny-p088-10",
	"deny-p088-11",
	"deny-p088-12",
	"deny-p088-13",
	"deny-p088-14",
	"deny-p088-15",
	"deny-p088-16",
	"deny-p088-17",
	"deny-p088-18",
	"deny-p088-19",
	"deny-p088-20",
	"deny-p088-21",
]

deny contains decision if {
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
