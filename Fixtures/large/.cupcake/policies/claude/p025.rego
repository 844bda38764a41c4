# METADATA
# scope: package
# title: Large fixture policy p025
# custom:
#   id: LARGE-025
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p025

import rego.v1

needles := [
	"halt-p025-00",
	"halt-p025-01",
	"halt-p025-02",
	"halt-p025-03",
	"halt-p025-04",
	"halt-p025-05",
	"halt-p025-06",
	"halt-p025-07",
	"halt-p025-08",
	"halt-p025-09",
	"halt-p025-10",
	"halt-p025-11",
	"halt-p025-12",
	"halt-p025-13",
	"halt-p025-14",
	"halt-p025-15",
	"halt-p025-16",
	"halt-p025-17",
	"halt-p025-18",
	"halt-p025-19",
	"halt-p025-20",
	"halt-p025-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-025",
		"reason": concat("", ["Large fixture policy p025 matched ", needle]),
		"severity": "CRITICAL",
	}
}
