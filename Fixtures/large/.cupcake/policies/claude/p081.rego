# METADATA
# scope: package
# title: Large fixture policy p081
# custom:
#   id: LARGE-081
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p081

import rego.v1

needles := [
	"ask-p081-00",
	"ask-p081-01",
	"ask-p081-02",
	"ask-p081-03",
	"ask-p081-04",
	"ask-p081-05",
	"ask-p081-06",
	"ask-p081-07",
	"ask-p081-08",
	"ask-p081-09",
	"ask-p081-10",
	"ask-p081-11",
	"ask-p081-12",
	"ask-p081-13",
	"ask-p081-14",
	"ask-p081-15",
	"ask-p081-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-081",
		"reason": concat("", ["Large fixture policy p081 matched ", needle]),
		"severity": "MEDIUM",
	}
}
