# METADATA
# scope: package
# title: Large fixture policy p006
# custom:
#   id: LARGE-006
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p006

import rego.v1

needles := [
	"ask-p006-00",
	"ask-p006-01",
	"ask-p006-02",
	"ask-p006-03",
	"ask-p006-04",
	"ask-p006-05",
	"ask-p006-06",
	"ask-p006-07",
	"ask-p006-08",
	"ask-p006-09",
	"ask-p006-10",
	"ask-p006-11",
	"ask-p006-12",
	"ask-p006-13",
	"ask-p006-14",
	"ask-p006-15",
	"ask-p006-16",
	"ask-p006-17",
	"ask-p006-18",
	"ask-p006-19",
	"ask-p006-20",
	"ask-p006-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-006",
		"reason": concat("", ["Large fixture policy p006 matched ", needle]),
		"severity": "MEDIUM",
	}
}
