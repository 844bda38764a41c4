# METADATA
# scope: package
# title: Large fixture policy p016
# custom:
#   id: LARGE-016
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p016

import rego.v1

needles := [
	"ask-p016-00",
	"ask-p016-01",
	"ask-p016-02",
	"ask-p016-03",
	"ask-p016-04",
	"ask-p016-05",
	"ask-p016-06",
	"ask-p016-07",
	"ask-p016-08",
	"ask-p016-09",
	"ask-p016-10",
	"ask-p016-11",
	"ask-p016-12",
	"ask-p016-13",
	"ask-p016-14",
	"ask-p016-15",
	"ask-p016-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-016",
		"reason": concat("", ["Large fixture policy p016 matched ", needle]),
		"severity": "MEDIUM",
	}
}
