# METADATA
# scope: package
# title: Large fixture policy p037
# custom:
#   id: LARGE-037
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p037

import rego.v1

needles := [
	"deny-p037-00",
	"deny-p037-01",
	"deny-p037-02",
	"deny-p037-03",
	"deny-p037-04",
	"deny-p037-05",
	"deny-p037-06",
	"deny-p037-07",
	"deny-p037-08",
	"deny-p037-09",
	"deny-p037-10",
	"deny-p037-11",
	"deny-p037-12",
	"deny-p037-13",
	"deny-p037-14",
	"deny-p037-15",
	"deny-p037-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-037",
		"reason": concat("", ["Large fixture policy p037 matched ", needle]),
		"severity": "HIGH",
	}
}
