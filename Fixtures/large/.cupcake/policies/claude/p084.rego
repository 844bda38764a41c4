# METADATA
# scope: package
# title: Large fixture policy p084
# custom:
#   id: LARGE-084
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p084

import rego.v1

needles := [
	"deny-p084-00",
	"deny-p084-01",
	"deny-p084-02",
	"deny-p084-03",
	"deny-p084-04",
	"deny-p084-05",
	"deny-p084-06",
	"deny-p084-07",
	"deny-p084-08",
	"deny-p084-09",
	"deny-p084-10",
	"deny-p084-11",
	"deny-p084-12",
	"deny-p084-13",
	"deny-p084-14",
	"deny-p084-15",
	"deny-p084-16",
	"deny-p084-17",
	"deny-p084-18",
	"deny-p084-19",
	"deny-p084-20",
	"deny-p084-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-084",
		"reason": concat("", ["Large fixture policy p084 matched ", needle]),
		"severity": "HIGH",
	}
}
