# METADATA
# scope: package
# title: Large fixture policy p030
# custom:
#   id: LARGE-030
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p030

import rego.v1

needles := [
	"ask-p030-00",
	"ask-p030-01",
	"ask-p030-02",
	"ask-p030-03",
	"ask-p030-04",
	"ask-p030-05",
	"ask-p030-06",
	"ask-p030-07",
	"ask-p030-08",
	"ask-p030-09",
	"ask-p030-10",
	"ask-p030-11",
	"ask-p030-12",
	"ask-p030-13",
	"ask-p030-14",
	"ask-p030-15",
	"ask-p030-16",
	"ask-p030-17",
	"ask-p030-18",
	"ask-p030-19",
	"ask-p030-20",
	"ask-p030-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-030",
		"reason": concat("", ["Large fixture policy p030 matched ", needle]),
		"severity": "MEDIUM",
	}
}
