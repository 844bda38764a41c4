# METADATA
# scope: package
# title: Large fixture policy p028
# custom:
#   id: LARGE-028
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p028

import rego.v1

needles := [
	"deny-p028-00",
	"deny-p028-01",
	"deny-p028-02",
	"deny-p028-03",
	"deny-p028-04",
	"deny-p028-05",
	"deny-p028-06",
	"deny-p028-07",
	"deny-p028-08",
	"deny-p028-09",
	"deny-p028-10",
	"deny-p028-11",
	"deny-p028-12",
	"deny-p028-13",
	"deny-p028-14",
	"deny-p028-15",
	"deny-p028-16",
	"deny-p028-17",
	"deny-p028-18",
	"deny-p028-19",
	"deny-p028-20",
	"deny-p028-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-028",
		"reason": concat("", ["Large fixture policy p028 matched ", needle]),
		"severity": "HIGH",
	}
}
