# METADATA
# scope: package
# title: Large fixture policy p071
# custom:
#   id: LARGE-071
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p071

import rego.v1

needles := [
	"deny-p071-00",
	"deny-p071-01",
	"deny-p071-02",
	"deny-p071-03",
	"deny-p071-04",
	"deny-p071-05",
	"deny-p071-06",
	"deny-p071-07",
	"deny-p071-08",
	"deny-p071-09",
	"deny-p071-10",
	"deny-p071-11",
	"deny-p071-12",
	"deny-p071-13",
	"deny-p071-14",
	"deny-p071-15",
	"deny-p071-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-071",
		"reason": concat("", ["Large fixture policy p071 matched ", needle]),
		"severity": "HIGH",
	}
}
