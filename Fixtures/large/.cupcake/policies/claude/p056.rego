# METADATA
# scope: package
# title: Large fixture policy p056
# custom:
#   id: LARGE-056
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p056

import rego.v1

needles := [
	"deny-p056-00",
	"deny-p056-01",
	"deny-p056-02",
	"deny-p056-03",
	"deny-p056-04",
	"deny-p056-05",
	"deny-p056-06",
	"deny-p056-07",
	"deny-p056-08",
	"deny-p056-09",
	"deny-p056-10",
	"deny-p056-11",
	"deny-p056-12",
	"deny-p056-13",
	"deny-p056-14",
	"deny-p056-15",
	"deny-p056-16",
	"deny-p056-17",
	"deny-p056-18",
	"deny-p056-19",
	"deny-p056-20",
	"deny-p056-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-056",
		"reason": concat("", ["Large fixture policy p056 matched ", needle]),
		"severity": "HIGH",
	}
}
