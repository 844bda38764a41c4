# METADATA
# scope: package
# title: Large fixture policy p005
# custom:
#   id: LARGE-005
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p005

import rego.v1

needles := [
	"deny-p005-00",
	"deny-p005-01",
	"deny-p005-02",
	"deny-p005-03",
	"deny-p005-04",
	"deny-p005-05",
	"deny-p005-06",
	"deny-p005-07",
	"deny-p005-08",
	"deny-p005-09",
	"deny-p005-10",
	"deny-p005-11",
	"deny-p005-12",
	"deny-p005-13",
	"deny-p005-14",
	"deny-p005-15",
	"deny-p005-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-005",
		"reason": concat("", ["Large fixture policy p005 matched ", needle]),
		"severity": "HIGH",
	}
}
