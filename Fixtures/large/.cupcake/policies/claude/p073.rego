# METADATA
# scope: package
# title: Large fixture policy p073
# custom:
#   id: LARGE-073
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p073

import rego.v1

needles := [
	"halt-p073-00",
	"halt-p073-01",
	"halt-p073-02",
	"halt-p073-03",
	"halt-p073-04",
	"halt-p073-05",
	"halt-p073-06",
	"halt-p073-07",
	"halt-p073-08",
	"halt-p073-09",
	"halt-p073-10",
	"halt-p073-11",
	"halt-p073-12",
	"halt-p073-13",
	"halt-p073-14",
	"halt-p073-15",
	"halt-p073-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-073",
		"reason": concat("", ["Large fixture policy p073 matched ", needle]),
		"severity": "CRITICAL",
	}
}
