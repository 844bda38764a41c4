# METADATA
# scope: package
# title: Large fixture policy p041
# custom:
#   id: LARGE-041
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p041

import rego.v1

needles := [
	"halt-p041-00",
	"halt-p041-01",
	"halt-p041-02",
	"halt-p041-03",
	"halt-p041-04",
	"halt-p041-05",
	"halt-p041-06",
	"halt-p041-07",
	"halt-p041-08",
	"halt-p041-09",
	"halt-p041-10",
	"halt-p041-11",
	"halt-p041-12",
	"halt-p041-13",
	"halt-p041-14",
	"halt-p041-15",
	"halt-p041-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-041",
		"reason": concat("", ["Large fixture policy p041 matched ", needle]),
		"severity": "CRITICAL",
	}
}
