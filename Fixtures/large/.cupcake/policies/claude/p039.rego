# METADATA
# scope: package
# title: Large fixture policy p039
# custom:
#   id: LARGE-039
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p039

import rego.v1

needles := [
	"deny-p039-00",
	"deny-p039-01",
	"deny-p039-02",
	"deny-p039-03",
	"deny-p039-04",
	"deny-p039-05",
	"deny-p039-06",
	"deny-p039-07",
	"deny-p039-08",
	"deny-p039-09",
	"deny-p039-10",
	"deny-p039-11",
	"deny-p039-12",
	"deny-p039-13",
	"deny-p039-14",
	"deny-p039-15",
	"deny-p039-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-039",
		"reason": concat("", ["Large fixture policy p039 matched ", needle]),
		"severity": "HIGH",
	}
}
