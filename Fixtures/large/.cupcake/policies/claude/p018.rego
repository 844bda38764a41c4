# METADATA
# scope: package
# title: Large fixture policy p018
# custom:
#   id: LARGE-018
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p018

import rego.v1

needles := [
	"ask-p018-00",
	"ask-p018-01",
	"ask-p018-02",
	"ask-p018-03",
	"ask-p018-04",
	"ask-p018-05",
	"ask-p018-06",
	"ask-p018-07",
	"ask-p018-08",
	"ask-p018-09",
	"ask-p018-10",
	"ask-p018-11",
	"ask-p018-12",
	"ask-p018-13",
	"ask-p018-14",
	"ask-p018-15",
	"ask-p018-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-018",
		"reason": concat("", ["Large fixture policy p018 matched ", needle]),
		"severity": "MEDIUM",
	}
}
