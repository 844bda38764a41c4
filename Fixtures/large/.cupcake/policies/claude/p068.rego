# METADATA
# scope: package
# title: Large fixture policy p068
# custom:
#   id: LARGE-068
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p068

import rego.v1

needles := [
	"deny-p068-00",
	"deny-p068-01",
	"deny-p068-02",
	"deny-p068-03",
	"deny-p068-04",
	"deny-p068-05",
	"deny-p068-06",
	"deny-p068-07",
	"deny-p068-08",
	"deny-p068-09",
	"deny-p068-10",
	"deny-p068-11",
	"deny-p068-12",
	"deny-p068-13",
	"deny-p068-14",
	"deny-p068-15",
	"deny-p068-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-068",
		"reason": concat("", ["Large fixture policy p068 matched ", needle]),
		"severity": "HIGH",
	}
}
