# METADATA
# scope: package
# title: Large fixture policy p057
# custom:
#   id: LARGE-057
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p057

import rego.v1

needles := [
	"halt-p057-00",
	"halt-p057-01",
	"halt-p057-02",
	"halt-p057-03",
	"halt-p057-04",
	"halt-p057-05",
	"halt-p057-06",
	"halt-p057-07",
	"halt-p057-08",
	"halt-p057-09",
	"halt-p057-10",
	"halt-p057-11",
	"halt-p057-12",
	"halt-p057-13",
	"halt-p057-14",
	"halt-p057-15",
	"halt-p057-16",
	"halt-p057-17",
	"halt-p057-18",
	"halt-p057-19",
	"halt-p057-20",
	"halt-p057-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-057",
		"reason": concat("", ["Large fixture policy p057 matched ", needle]),
		"severity": "CRITICAL",
	}
}
