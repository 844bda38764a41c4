# METADATA
# scope: package
# title: Large fixture policy p092
# custom:
#   id: LARGE-092
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p092

import rego.v1

needles := [
	"deny-p092-00",
	"deny-p092-01",
	"deny-p092-02",
	"deny-p092-03",
	"deny-p092-04",
	"deny-p092-05",
	"deny-p092-06",
	"deny-p092-07",
	"deny-p092-08",
	"deny-p092-09",
	"deny-p092-10",
	"deny-p092-11",
	"deny-p092-12",
	"deny-p092-13",
	"deny-p092-14",
	"deny-p092-15",
	"deny-p092-16",
	"deny-p092-17",
	"deny-p092-18",
	"deny-p092-19",
	"deny-p092-20",
	"deny-p092-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-092",
		"reason": concat("", ["Large fixture policy p092 matched ", needle]),
		"severity": "HIGH",
	}
}
