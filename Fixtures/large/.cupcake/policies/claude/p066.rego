# METADATA
# scope: package
# title: Large fixture policy p066
# custom:
#   id: LARGE-066
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p066

import rego.v1

needles := [
	"ask-p066-00",
	"ask-p066-01",
	"ask-p066-02",
	"ask-p066-03",
	"ask-p066-04",
	"ask-p066-05",
	"ask-p066-06",
	"ask-p066-07",
	"ask-p066-08",
	"ask-p066-09",
	"ask-p066-10",
	"ask-p066-11",
	"ask-p066-12",
	"ask-p066-13",
	"ask-p066-14",
	"ask-p066-15",
	"ask-p066-16",
	"ask-p066-17",
	"ask-p066-18",
	"ask-p066-19",
	"ask-p066-20",
	"ask-p066-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-066",
		"reason": concat("", ["Large fixture policy p066 matched ", needle]),
		"severity": "MEDIUM",
	}
}
