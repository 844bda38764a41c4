# METADATA
# scope: package
# title: Large fixture policy p053
# custom:
#   id: LARGE-053
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p053

import rego.v1

needles := [
	"halt-p053-00",
	"halt-p053-01",
	"halt-p053-02",
	"halt-p053-03",
	"halt-p053-04",
	"halt-p053-05",
	"halt-p053-06",
	"halt-p053-07",
	"halt-p053-08",
	"halt-p053-09",
	"halt-p053-10",
	"halt-p053-11",
	"halt-p053-12",
	"halt-p053-13",
	"halt-p053-14",
	"halt-p053-15",
	"halt-p053-16",
	"halt-p053-17",
	"halt-p053-18",
	"halt-p053-19",
	"halt-p053-20",
	"halt-p053-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-053",
		"reason": concat("", ["Large fixture policy p053 matched ", needle]),
		"severity": "CRITICAL",
	}
}
