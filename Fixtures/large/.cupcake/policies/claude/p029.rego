# METADATA
# scope: package
# title: Large fixture policy p029
# custom:
#   id: LARGE-029
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p029

import rego.v1

needles := [
	"halt-p029-00",
	"halt-p029-01",
	"halt-p029-02",
	"halt-p029-03",
	"halt-p029-04",
	"halt-p029-05",
	"halt-p029-06",
	"halt-p029-07",
	"halt-p029-08",
	"halt-p029-09",
	"halt-p029-10",
	"halt-p029-11",
	"halt-p029-12",
	"halt-p029-13",
	"halt-p029-14",
	"halt-p029-15",
	"halt-p029-16",
	"halt-p029-17",
	"halt-p029-18",
	"halt-p029-19",
	"halt-p029-20",
	"halt-p029-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-029",
		"reason": concat("", ["Large fixture policy p029 matched ", needle]),
		"severity": "CRITICAL",
	}
}
