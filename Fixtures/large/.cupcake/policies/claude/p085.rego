# METADATA
# scope: package
# title: Large fixture policy p085
# custom:
#   id: LARGE-085
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p085

import rego.v1

needles := [
	"ask-p085-00",
	"ask-p085-01",
	"ask-p085-02",
	"ask-p085-03",
	"ask-p085-04",
	"ask-p085-05",
	"ask-p085-06",
	"ask-p085-07",
	"ask-p085-08",
	"ask-p085-09",
	"ask-p085-10",
	"ask-p085-11",
	"ask-p085-12",
	"ask-p085-13",
	"ask-p085-14",
	"ask-p085-15",
	"ask-p085-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-085",
		"reason": concat("", ["Large fixture policy p085 matched ", needle]),
		"severity": "MEDIUM",
	}
}
