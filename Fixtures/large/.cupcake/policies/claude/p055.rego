# METADATA
# scope: package
# title: Large fixture policy p055
# custom:
#   id: LARGE-055
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p055

import rego.v1

needles := [
	"ask-p055-00",
	"ask-p055-01",
	"ask-p055-02",
	"ask-p055-03",
	"ask-p055-04",
	"ask-p055-05",
	"ask-p055-06",
	"ask-p055-07",
	"ask-p055-08",
	"ask-p055-09",
	"ask-p055-10",
	"ask-p055-11",
	"ask-p055-12",
	"ask-p055-13",
	"ask-p055-14",
	"ask-p055-15",
	"ask-p055-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-055",
		"reason": concat("", ["Large fixture policy p055 matched ", needle]),
		"severity": "MEDIUM",
	}
}
