# METADATA
# scope: package
# title: Large fixture policy p004
# custom:
#   id: LARGE-004
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p004

import rego.v1

needles := [
	"deny-p004-00",
	"deny-p004-01",
	"deny-p004-02",
	"deny-p004-03",
	"deny-p004-04",
	"deny-p004-05",
	"deny-p004-06",
	"deny-p004-07",
	"deny-p004-08",
	"deny-p004-09",
	"deny-p004-10",
	"deny-p004-11",
	"deny-p004-12",
	"deny-p004-13",
	"deny-p004-14",
	"deny-p004-15",
	"deny-p004-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-004",
		"reason": concat("", ["Large fixture policy p004 matched ", needle]),
		"severity": "HIGH",
	}
}
