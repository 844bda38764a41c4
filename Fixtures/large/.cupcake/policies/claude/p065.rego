# METADATA
# scope: package
# title: Large fixture policy p065
# custom:
#   id: LARGE-065
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p065

import rego.v1

needles := [
	"halt-p065-00",
	"halt-p065-01",
	"halt-p065-02",
	"halt-p065-03",
	"halt-p065-04",
	"halt-p065-05",
	"halt-p065-06",
	"halt-p065-07",
	"halt-p065-08",
	"halt-p065-09",
	"halt-p065-10",
	"halt-p065-11",
	"halt-p065-12",
	"halt-p065-13",
	"halt-p065-14",
	"halt-p065-15",
	"halt-p065-16",
	"halt-p065-17",
	"halt-p065-18",
	"halt-p065-19",
	"halt-p065-20",
	"halt-p065-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-065",
		"reason": concat("", ["Large fixture policy p065 matched ", needle]),
		"severity": "CRITICAL",
	}
}
