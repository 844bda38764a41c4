# METADATA
# scope: package
# title: Large fixture policy p024
# custom:
#   id: LARGE-024
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p024

import rego.v1

needles := [
	"deny-p024-00",
	"deny-p024-01",
	"deny-p024-02",
	"deny-p024-03",
	"deny-p024-04",
	"deny-p024-05",
	"deny-p024-06",
	"deny-p024-07",
	"deny-p024-08",
	"deny-p024-09",
	"deny-p024-10",
	"deny-p024-11",
	"deny-p024-12",
	"deny-p024-13",
	"deny-p024-14",
	"deny-p024-15",
	"deny-p024-16",
	"deny-p024-17",
	"deny-p024-18",
	"deny-p024-19",
	"deny-p024-20",
	"deny-p024-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-024",
		"reason": concat("", ["Large fixture policy p024 matched ", needle]),
		"severity": "HIGH",
	}
}
