# METADATA
# scope: package
# title: Large fixture policy p003
# custom:
#   id: LARGE-003
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p003

import rego.v1

needles := [
	"deny-p003-00",
	"deny-p003-01",
	"deny-p003-02",
	"deny-p003-03",
	"deny-p003-04",
	"deny-p003-05",
	"deny-p003-06",
	"deny-p003-07",
	"deny-p003-08",
	"deny-p003-09",
	"deny-p003-10",
	"deny-p003-11",
	"deny-p003-12",
	"deny-p003-13",
	"deny-p003-14",
	"deny-p003-15",
	"deny-p003-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-003",
		"reason": concat("", ["Large fixture policy p003 matched ", needle]),
		"severity": "HIGH",
	}
}
