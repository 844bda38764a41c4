# METADATA
# scope: package
# title: Large fixture policy p046
# custom:
#   id: LARGE-046
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p046

import rego.v1

needles := [
	"ask-p046-00",
	"ask-p046-01",
	"ask-p046-02",
	"ask-p046-03",
	"ask-p046-04",
	"ask-p046-05",
	"ask-p046-06",
	"ask-p046-07",
	"ask-p046-08",
	"ask-p046-09",
	"ask-p046-10",
	"ask-p046-11",
	"ask-p046-12",
	"ask-p046-13",
	"ask-p046-14",
	"ask-p046-15",
	"ask-p046-16",
	"ask-p046-17",
	"ask-p046-18",
	"ask-p046-19",
	"ask-p046-20",
	"ask-p046-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-046",
		"reason": concat("", ["Large fixture policy p046 matched ", needle]),
		"severity": "MEDIUM",
	}
}
