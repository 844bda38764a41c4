# METADATA
# scope: package
# title: Large fixture policy p019
# custom:
#   id: LARGE-019
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p019

import rego.v1

needles := [
	"ask-p019-00",
	"ask-p019-01",
	"ask-p019-02",
	"ask-p019-03",
	"ask-p019-04",
	"ask-p019-05",
	"ask-p019-06",
	"ask-p019-07",
	"ask-p019-08",
	"ask-p019-09",
	"ask-p019-10",
	"ask-p019-11",
	"ask-p019-12",
	"ask-p019-13",
	"ask-p019-14",
	"ask-p019-15",
	"ask-p019-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-019",
		"reason": concat("", ["Large fixture policy p019 matched ", needle]),
		"severity": "MEDIUM",
	}
}
