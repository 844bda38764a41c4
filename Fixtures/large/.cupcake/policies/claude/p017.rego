# METADATA
# scope: package
# title: Large fixture policy p017
# custom:
#   id: LARGE-017
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p017

import rego.v1

needles := [
	"ask-p017-00",
	"ask-p017-01",
	"ask-p017-02",
	"ask-p017-03",
	"ask-p017-04",
	"ask-p017-05",
	"ask-p017-06",
	"ask-p017-07",
	"ask-p017-08",
	"ask-p017-09",
	"ask-p017-10",
	"ask-p017-11",
	"ask-p017-12",
	"ask-p017-13",
	"ask-p017-14",
	"ask-p017-15",
	"ask-p017-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-017",
		"reason": concat("", ["Large fixture policy p017 matched ", needle]),
		"severity": "MEDIUM",
	}
}
