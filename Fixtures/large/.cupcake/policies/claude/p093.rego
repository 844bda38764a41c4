# METADATA
# scope: package
# title: Large fixture policy p093
# custom:
#   id: LARGE-093
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p093

import rego.v1

needles := [
	"halt-p093-00",
	"halt-p093-01",
	"halt-p093-02",
	"halt-p093-03",
	"halt-p093-04",
	"halt-p093-05",
	"halt-p093-06",
	"halt-p093-07",
	"halt-p093-08",
	"halt-p093-09",
	"halt-p093-10",
	"halt-p093-11",
	"halt-p093-12",
	"halt-p093-13",
	"halt-p093-14",
	"halt-p093-15",
	"halt-p093-16",
	"halt-p093-17",
	"halt-p093-18",
	"halt-p093-19",
	"halt-p093-20",
	"halt-p093-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-093",
		"reason": concat("", ["Large fixture policy p093 matched ", needle]),
		"severity": "CRITICAL",
	}
}
