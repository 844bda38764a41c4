# METADATA
# scope: package
# title: Large fixture policy p005
# custom:
#   id: LARGE-005
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p005

import rego.v1

needles := [
	"halt-p005-00",
	"halt-p005-01",
	"halt-p005-02",
	"halt-p005-03",
	"halt-p005-04",
	"halt-p005-05",
	"halt-p005-06",
	"halt-p005-07",
	"halt-p005-08",
	"halt-p005-09",
	"halt-p005-10",
	"halt-p005-11",
	"halt-p005-12",
	"halt-p005-13",
	"halt-p005-14",
	"halt-p005-15",
	"halt-p005-16",
	"halt-p005-17",
	"halt-p005-18",
	"halt-p005-19",
	"halt-p005-20",
	"halt-p005-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-005",
		"reason": concat("", ["Large fixture policy p005 matched ", needle]),
		"severity": "CRITICAL",
	}
}
