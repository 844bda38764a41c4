# METADATA
# scope: package
# title: Large fixture policy p007
# custom:
#   id: LARGE-007
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p007

import rego.v1

needles := [
	"deny-p007-00",
	"deny-p007-01",
	"deny-p007-02",
	"deny-p007-03",
	"deny-p007-04",
	"deny-p007-05",
	"deny-p007-06",
	"deny-p007-07",
	"deny-p007-08",
	"deny-p007-09",
	"deny-p007-10",
	"deny-p007-11",
	"deny-p007-12",
	"deny-p007-13",
	"deny-p007-14",
	"deny-p007-15",
	"deny-p007-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-007",
		"reason": concat("", ["Large fixture policy p007 matched ", needle]),
		"severity": "HIGH",
	}
}
