# METADATA
# scope: package
# title: Large fixture policy p070
# custom:
#   id: LARGE-070
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p070

import rego.v1

needles := [
	"ask-p070-00",
	"ask-p070-01",
	"ask-p070-02",
	"ask-p070-03",
	"ask-p070-04",
	"ask-p070-05",
	"ask-p070-06",
	"ask-p070-07",
	"ask-p070-08",
	"ask-p070-09",
	"ask-p070-10",
	"ask-p070-11",
	"ask-p070-12",
	"ask-p070-13",
	"ask-p070-14",
	"ask-p070-15",
	"ask-p070-16",
	"ask-p070-17",
	"ask-p070-18",
	"ask-p070-19",
	"ask-p070-20",
	"ask-p070-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-070",
		"reason": concat("", ["Large fixture policy p070 matched ", needle]),
		"severity": "MEDIUM",
	}
}
