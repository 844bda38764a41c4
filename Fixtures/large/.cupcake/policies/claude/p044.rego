# METADATA
# scope: package
# title: Large fixture policy p044
# custom:
#   id: LARGE-044
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p044

import rego.v1

needles := [
	"deny-p044-00",
	"deny-p044-01",
	"deny-p044-02",
	"deny-p044-03",
	"deny-p044-04",
	"deny-p044-05",
	"deny-p044-06",
	"deny-p044-07",
	"deny-p044-08",
	"deny-p044-09",
	"deny-p044-10",
	"deny-p044-11",
	"deny-p044-12",
	"deny-p044-13",
	"deny-p044-14",
	"deny-p044-15",
	"deny-p044-16",
	"deny-p044-17",
	"deny-p044-18",
	"deny-p044-19",
	"deny-p044-20",
	"deny-p044-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-044",
		"reason": concat("", ["Large fixture policy p044 matched ", needle]),
		"severity": "HIGH",
	}
}
