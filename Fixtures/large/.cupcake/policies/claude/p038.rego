# METADATA
# scope: package
# title: Large fixture policy p038
# custom:
#   id: LARGE-038
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p038

import rego.v1

needles := [
	"ask-p038-00",
	"ask-p038-01",
	"ask-p038-02",
	"ask-p038-03",
	"ask-p038-04",
	"ask-p038-05",
	"ask-p038-06",
	"ask-p038-07",
	"ask-p038-08",
	"ask-p038-09",
	"ask-p038-10",
	"ask-p038-11",
	"ask-p038-12",
	"ask-p038-13",
	"ask-p038-14",
	"ask-p038-15",
	"ask-p038-16",
	"ask-p038-17",
	"ask-p038-18",
	"ask-p038-19",
	"ask-p038-20",
	"ask-p038-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-038",
		"reason": concat("", ["Large fixture policy p038 matched ", needle]),
		"severity": "MEDIUM",
	}
}
