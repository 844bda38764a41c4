# METADATA
# scope: package
# title: Large fixture policy p009
# custom:
#   id: LARGE-009
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p009

import rego.v1

needles := [
	"halt-p009-00",
	"halt-p009-01",
	"halt-p009-02",
	"halt-p009-03",
	"halt-p009-04",
	"halt-p009-05",
	"halt-p009-06",
	"halt-p009-07",
	"halt-p009-08",
	"halt-p009-09",
	"halt-p009-10",
	"halt-p009-11",
	"halt-p009-12",
	"halt-p009-13",
	"halt-p009-14",
	"halt-p009-15",
	"halt-p009-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-009",
		"reason": concat("", ["Large fixture policy p009 matched ", needle]),
		"severity": "CRITICAL",
	}
}
