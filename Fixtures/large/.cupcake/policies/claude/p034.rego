# METADATA
# scope: package
# title: Large fixture policy p034
# custom:
#   id: LARGE-034
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p034

import rego.v1

needles := [
	"ask-p034-00",
	"ask-p034-01",
	"ask-p034-02",
	"ask-p034-03",
	"ask-p034-04",
	"ask-p034-05",
	"ask-p034-06",
	"ask-p034-07",
	"ask-p034-08",
	"ask-p034-09",
	"ask-p034-10",
	"ask-p034-11",
	"ask-p034-12",
	"ask-p034-13",
	"ask-p034-14",
	"ask-p034-15",
	"ask-p034-16",
	"ask-p034-17",
	"ask-p034-18",
	"ask-p034-19",
	"ask-p034-20",
	"ask-p034-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-034",
		"reason": concat("", ["Large fixture policy p034 matched ", needle]),
		"severity": "MEDIUM",
	}
}
