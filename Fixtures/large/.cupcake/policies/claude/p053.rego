# METADATA
# scope: package
# title: Large fixture policy p053
# custom:
#   id: LARGE-053
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p053

import rego.v1

needles := [
	"ask-p053-00",
	"ask-p053-01",
	"ask-p053-02",
	"ask-p053-03",
	"ask-p053-04",
	"ask-p053-05",
	"ask-p053-06",
	"ask-p053-07",
	"ask-p053-08",
	"ask-p053-09",
	"ask-p053-10",
	"ask-p053-11",
	"ask-p053-12",
	"ask-p053-13",
	"ask-p053-14",
	"ask-p053-15",
	"ask-p053-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-053",
		"reason": concat("", ["Large fixture policy p053 matched ", needle]),
		"severity": "MEDIUM",
	}
}
