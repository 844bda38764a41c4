# METADATA
# scope: package
# title: Large fixture policy p086
# custom:
#   id: LARGE-086
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p086

import rego.v1

needles := [
	"ask-p086-00",
	"ask-p086-01",
	"ask-p086-02",
	"ask-p086-03",
	"ask-p086-04",
	"ask-p086-05",
	"ask-p086-06",
	"ask-p086-07",
	"ask-p086-08",
	"ask-p086-09",
	"ask-p086-10",
	"ask-p086-11",
	"ask-p086-12",
	"ask-p086-13",
	"ask-p086-14",
	"ask-p086-15",
	"ask-p086-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-086",
		"reason": concat("", ["Large fixture policy p086 matched ", needle]),
		"severity": "MEDIUM",
	}
}
