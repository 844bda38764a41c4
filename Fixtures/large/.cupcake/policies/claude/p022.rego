# METADATA
# scope: package
# title: Large fixture policy p022
# custom:
#   id: LARGE-022
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p022

import rego.v1

needles := [
	"ask-p022-00",
	"ask-p022-01",
	"ask-p022-02",
	"ask-p022-03",
	"ask-p022-04",
	"ask-p022-05",
	"ask-p022-06",
	"ask-p022-07",
	"ask-p022-08",
	"ask-p022-09",
	"ask-p022-10",
	"ask-p022-11",
	"ask-p022-12",
	"ask-p022-13",
	"ask-p022-14",
	"ask-p022-15",
	"ask-p022-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-022",
		"reason": concat("", ["Large fixture policy p022 matched ", needle]),
		"severity": "MEDIUM",
	}
}
