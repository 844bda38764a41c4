# METADATA
# scope: package
# title: Large fixture policy p090
# custom:
#   id: LARGE-090
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p090

import rego.v1

needles := [
	"ask-p090-00",
	"ask-p090-01",
	"ask-p090-02",
	"ask-p090-03",
	"ask-p090-04",
	"ask-p090-05",
	"ask-p090-06",
	"ask-p090-07",
	"ask-p090-08",
	"ask-p090-09",
	"ask-p090-10",
	"ask-p090-11",
	"ask-p090-12",
	"ask-p090-13",
	"ask-p090-14",
	"ask-p090-15",
	"ask-p090-16",
	"ask-p090-17",
	"ask-p090-18",
	"ask-p090-19",
	"ask-p090-20",
	"ask-p090-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-090",
		"reason": concat("", ["Large fixture policy p090 matched ", needle]),
		"severity": "MEDIUM",
	}
}
