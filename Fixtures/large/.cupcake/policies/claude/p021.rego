# METADATA
# scope: package
# title: Large fixture policy p021
# custom:
#   id: LARGE-021
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p021

import rego.v1

needles := [
	"ask-p021-00",
	"ask-p021-01",
	"ask-p021-02",
	"ask-p021-03",
	"ask-p021-04",
	"ask-p021-05",
	"ask-p021-06",
	"ask-p021-07",
	"ask-p021-08",
	"ask-p021-09",
	"ask-p021-10",
	"ask-p021-11",
	"ask-p021-12",
	"ask-p021-13",
	"ask-p021-14",
	"ask-p021-15",
	"ask-p021-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-021",
		"reason": concat("", ["Large fixture policy p021 matched ", needle]),
		"severity": "MEDIUM",
	}
}
