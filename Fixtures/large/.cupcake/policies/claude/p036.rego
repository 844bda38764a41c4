# METADATA
# scope: package
# title: Large fixture policy p036
# custom:
#   id: LARGE-036
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p036

import rego.v1

needles := [
	"deny-p036-00",
	"deny-p036-01",
	"deny-p036-02",
	"deny-p036-03",
	"deny-p036-04",
	"deny-p036-05",
	"deny-p036-06",
	"deny-p036-07",
	"deny-p036-08",
	"deny-p036-09",
	"deny-p036-10",
	"deny-p036-11",
	"deny-p036-12",
	"deny-p036-13",
	"deny-p036-14",
	"deny-p036-15",
	"deny-p036-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-036",
		"reason": concat("", ["Large fixture policy p036 matched ", needle]),
		"severity": "HIGH",
	}
}
