# METADATA
# scope: package
# title: Large fixture policy p020
# custom:
#   id: LARGE-020
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p020

import rego.v1

needles := [
	"deny-p020-00",
	"deny-p020-01",
	"deny-p020-02",
	"deny-p020-03",
	"deny-p020-04",
	"deny-p020-05",
	"deny-p020-06",
	"deny-p020-07",
	"deny-p020-08",
	"deny-p020-09",
	"deny-p020-10",
	"deny-p020-11",
	"deny-p020-12",
	"deny-p020-13",
	"deny-p020-14",
	"deny-p020-15",
	"deny-p020-16",
	"deny-p020-17",
	"deny-p020-18",
	"deny-p020-19",
	"deny-p020-20",
	"deny-p020-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-020",
		"reason": concat("", ["Large fixture policy p020 matched ", needle]),
		"severity": "HIGH",
	}
}
