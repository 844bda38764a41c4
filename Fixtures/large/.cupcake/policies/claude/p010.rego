# METADATA
# scope: package
# title: Large fixture policy p010
# custom:
#   id: LARGE-010
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p010

import rego.v1

needles := [
	"ask-p010-00",
	"ask-p010-01",
	"ask-p010-02",
	"ask-p010-03",
	"ask-p010-04",
	"ask-p010-05",
	"ask-p010-06",
	"ask-p010-07",
	"ask-p010-08",
	"ask-p010-09",
	"ask-p010-10",
	"ask-p010-11",
	"ask-p010-12",
	"ask-p010-13",
	"ask-p010-14",
	"ask-p010-15",
	"ask-p010-16",
	"ask-p010-17",
	"ask-p010-18",
	"ask-p010-19",
	"ask-p010-20",
	"ask-p010-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-010",
		"reason": concat("", ["Large fixture policy p010 matched ", needle]),
		"severity": "MEDIUM",
	}
}
