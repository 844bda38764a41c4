# METADATA
# scope: package
# title: Large fixture policy p033
# custom:
#   id: LARGE-033
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p033

import rego.v1

needles := [
	"halt-p033-00",
	"halt-p033-01",
	"halt-p033-02",
	"halt-p033-03",
	"halt-p033-04",
	"halt-p033-05",
	"halt-p033-06",
	"halt-p033-07",
	"halt-p033-08",
	"halt-p033-09",
	"halt-p033-10",
	"halt-p033-11",
	"halt-p033-12",
	"halt-p033-13",
	"halt-p033-14",
	"halt-p033-15",
	"halt-p033-16",
	"halt-p033-17",
	"halt-p033-18",
	"halt-p033-19",
	"halt-p033-20",
	"halt-p033-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-033",
		"reason": concat("", ["Large fixture policy p033 matched ", needle]),
		"severity": "CRITICAL",
	}
}
