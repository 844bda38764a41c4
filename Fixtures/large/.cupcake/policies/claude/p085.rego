# METADATA
# scope: package
# title: Large fixture policy p085
# custom:
#   id: LARGE-085
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p085

import rego.v1

needles := [
	"halt-p085-00",
	"halt-p085-01",
	"halt-p085-02",
	"halt-p085-03",
	"halt-p085-04",
	"halt-p085-05",
	"halt-p085-06",
	"halt-p085-07",
	"halt-p085-08",
	"halt-p085-09",
	"halt-p085-10",
	"halt-p085-11",
	"halt-p085-12",
	"halt-p085-13",
	"halt-p085-14",
	"halt-p085-15",
	"halt-p085-16",
	"halt-p085-17",
	"halt-p085-18",
	"halt-p085-19",
	"halt-p085-20",
	"halt-p085-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-085",
		"reason": concat("", ["Large fixture policy p085 matched ", needle]),
		"severity": "CRITICAL",
	}
}
