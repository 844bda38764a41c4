# METADATA
# scope: package
# title: Large fixture policy p078
# custom:
#   id: LARGE-078
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p078

import rego.v1

needles := [
	"ask-p078-00",
	"ask-p078-01",
	"ask-p078-02",
	"ask-p078-03",
	"ask-p078-04",
	"ask-p078-05",
	"ask-p078-06",
	"ask-p078-07",
	"ask-p078-08",
	"ask-p078-09",
	"ask-p078-10",
	"ask-p078-11",
	"ask-p078-12",
	"ask-p078-13",
	"ask-p078-14",
	"ask-p078-15",
	"ask-p078-16",
	"ask-p078-17",
	"ask-p078-18",
	"ask-p078-19",
	"ask-p078-20",
	"ask-p078-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-078",
		"reason": concat("", ["Large fixture policy p078 matched ", needle]),
		"severity": "MEDIUM",
	}
}
