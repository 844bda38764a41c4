# METADATA
# scope: package
# title: Large fixture policy p035
# custom:
#   id: LARGE-035
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p035

import rego.v1

needles := [
	"deny-p035-00",
	"deny-p035-01",
	"deny-p035-02",
	"deny-p035-03",
	"deny-p035-04",
	"deny-p035-05",
	"deny-p035-06",
	"deny-p035-07",
	"deny-p035-08",
	"deny-p035-09",
	"deny-p035-10",
	"deny-p035-11",
	"deny-p035-12",
	"deny-p035-13",
	"deny-p035-14",
	"deny-p035-15",
	"deny-p035-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-035",
		"reason": concat("", ["Large fixture policy p035 matched ", needle]),
		"severity": "HIGH",
	}
}
