# METADATA
# scope: package
# title: Large fixture policy p081
# custom:
#   id: LARGE-081
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p081

import rego.v1

needles := [
	"halt-p081-00",
	"halt-p081-01",
	"halt-p081-02",
	"halt-p081-03",
	"halt-p081-04",
	"halt-p081-05",
	"halt-p081-06",
	"halt-p081-07",
	"halt-p081-08",
	"halt-p081-09",
	"halt-p081-10",
	"halt-p081-11",
	"halt-p081-12",
	"halt-p081-13",
	"halt-p081-14",
	"halt-p081-15",
	"halt-p081-16",
	"halt-p081-17",
	"halt-p081-18",
	"halt-p081-19",
	"halt-p081-20",
	"halt-p081-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-081",
		"reason": concat("", ["Large fixture policy p081 matched ", needle]),
		"severity": "CRITICAL",
	}
}
