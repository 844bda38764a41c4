# METADATA
# scope: package
# title: Large fixture policy p002
# custom:
#   id: LARGE-002
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p002

import rego.v1

needles := [
	"ask-p002-00",
	"ask-p002-01",
	"ask-p002-02",
	"ask-p002-03",
	"ask-p002-04",
	"ask-p002-05",
	"ask-p002-06",
	"ask-p002-07",
	"ask-p002-08",
	"ask-p002-09",
	"ask-p002-10",
	"ask-p002-11",
	"ask-p002-12",
	"ask-p002-13",
	"ask-p002-14",
	"ask-p002-15",
	"ask-p002-16",
	"ask-p002-17",
	"ask-p002-18",
	"ask-p002-19",
	"ask-p002-20",
	"ask-p002-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-002",
		"reason": concat("", ["Large fixture policy p002 matched ", needle]),
		"severity": "MEDIUM",
	}
}
