# METADATA
# scope: package
# title: Large fixture policy p008
# custom:
#   id: LARGE-008
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p008

import rego.v1

needles := [
	"deny-p008-00",
	"deny-p008-01",
	"deny-p008-02",
	"deny-p008-03",
	"deny-p008-04",
	"deny-p008-05",
	"deny-p008-06",
	"deny-p008-07",
	"deny-p008-08",
	"deny-p008-09",
	"deny-p008-10",
	"deny-p008-11",
	"deny-p008-12",
	"deny-p008-13",
	"deny-p008-14",
	"deny-p008-15",
	"deny-p008-16",
	"deny-p008-17",
	"deny-p008-18",
	"deny-p008-19",
	"deny-p008-20",
	"deny-p008-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-008",
		"reason": concat("", ["Large fixture policy p008 matched ", needle]),
		"severity": "HIGH",
	}
}
