# METADATA
# scope: package
# title: Large fixture policy p080
# custom:
#   id: LARGE-080
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p080

import rego.v1

needles := [
	"deny-p080-00",
	"deny-p080-01",
	"deny-p080-02",
	"deny-p080-03",
	"deny-p080-04",
	"deny-p080-05",
	"deny-p080-06",
	"deny-p080-07",
	"deny-p080-08",
	"deny-p080-09",
	"deny-p080-10",
	"deny-p080-11",
	"deny-p080-12",
	"deny-p080-13",
	"deny-p080-14",
	"deny-p080-15",
	"deny-p080-16",
	"deny-p080-17",
	"deny-p080-18",
	"deny-p080-19",
	"deny-p080-20",
	"deny-p080-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-080",
		"reason": concat("", ["Large fixture policy p080 matched ", needle]),
		"severity": "HIGH",
	}
}
