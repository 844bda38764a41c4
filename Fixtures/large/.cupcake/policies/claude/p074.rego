# METADATA
# scope: package
# title: Large fixture policy p074
# custom:
#   id: LARGE-074
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p074

import rego.v1

needles := [
	"ask-p074-00",
	"ask-p074-01",
	"ask-p074-02",
	"ask-p074-03",
	"ask-p074-04",
	"ask-p074-05",
	"ask-p074-06",
	"ask-p074-07",
	"ask-p074-08",
	"ask-p074-09",
	"ask-p074-10",
	"ask-p074-11",
	"ask-p074-12",
	"ask-p074-13",
	"ask-p074-14",
	"ask-p074-15",
	"ask-p074-16",
	"ask-p074-17",
	"ask-p074-18",
	"ask-p074-19",
	"ask-p074-20",
	"ask-p074-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-074",
		"reason": concat("", ["Large fixture policy p074 matched ", needle]),
		"severity": "MEDIUM",
	}
}
