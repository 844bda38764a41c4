# METADATA
# scope: package
# title: Large fixture policy p067
# custom:
#   id: LARGE-067
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p067

import rego.v1

needles := [
	"deny-p067-00",
	"deny-p067-01",
	"deny-p067-02",
	"deny-p067-03",
	"deny-p067-04",
	"deny-p067-05",
	"deny-p067-06",
	"deny-p067-07",
	"deny-p067-08",
	"deny-p067-09",
	"deny-p067-10",
	"deny-p067-11",
	"deny-p067-12",
	"deny-p067-13",
	"deny-p067-14",
	"deny-p067-15",
	"deny-p067-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-067",
		"reason": concat("", ["Large fixture policy p067 matched ", needle]),
		"severity": "HIGH",
	}
}
