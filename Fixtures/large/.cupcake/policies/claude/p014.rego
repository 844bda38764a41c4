# METADATA
# scope: package
# title: Large fixture policy p014
# custom:
#   id: LARGE-014
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p014

import rego.v1

needles := [
	"ask-p014-00",
	"ask-p014-01",
	"ask-p014-02",
	"ask-p014-03",
	"ask-p014-04",
	"ask-p014-05",
	"ask-p014-06",
	"ask-p014-07",
	"ask-p014-08",
	"ask-p014-09",
	"ask-p014-10",
	"ask-p014-11",
	"ask-p014-12",
	"ask-p014-13",
	"ask-p014-14",
	"ask-p014-15",
	"ask-p014-16",
	"ask-p014-17",
	"ask-p014-18",
	"ask-p014-19",
	"ask-p014-20",
	"ask-p014-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-014",
		"reason": concat("", ["Large fixture policy p014 matched ", needle]),
		"severity": "MEDIUM",
	}
}
