# METADATA
# scope: package
# title: Large fixture policy p021
# custom:
#   id: LARGE-021
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p021

import rego.v1

needles := [
	"halt-p021-00",
	"halt-p021-01",
	"halt-p021-02",
	"halt-p021-03",
	"halt-p021-04",
	"halt-p021-05",
	"halt-p021-06",
	"halt-p021-07",
	"halt-p021-08",
	"halt-p021-09",
	"halt-p021-10",
	"halt-p021-11",
	"halt-p021-12",
	"halt-p021-13",
	"halt-p021-14",
	"halt-p021-15",
	"halt-p021-16",
	"halt-p021-17",
	"halt-p021-18",
	"halt-p021-19",
	"halt-p021-20",
	"halt-p021-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-021",
		"reason": concat("", ["Large fixture policy p021 matched ", needle]),
		"severity": "CRITICAL",
	}
}
