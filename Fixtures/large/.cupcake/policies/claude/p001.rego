# METADATA
# scope: package
# title: Large fixture policy p001
# custom:
#   id: LARGE-001
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p001

import rego.v1

needles := [
	"halt-p001-00",
	"halt-p001-01",
	"halt-p001-02",
	"halt-p001-03",
	"halt-p001-04",
	"halt-p001-05",
	"halt-p001-06",
	"halt-p001-07",
	"halt-p001-08",
	"halt-p001-09",
	"halt-p001-10",
	"halt-p001-11",
	"halt-p001-12",
	"halt-p001-13",
	"halt-p001-14",
	"halt-p001-15",
	"halt-p001-16",
	"halt-p001-17",
	"halt-p001-18",
	"halt-p001-19",
	"halt-p001-20",
	"halt-p001-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-001",
		"reason": concat("", ["Large fixture policy p001 matched ", needle]),
		"severity": "CRITICAL",
	}
}
