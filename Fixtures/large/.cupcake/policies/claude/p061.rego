# METADATA
# scope: package
# title: Large fixture policy p061
# custom:
#   id: LARGE-061
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p061

import rego.v1

needles := [
	"halt-p061-00",
	"halt-p061-01",
	"halt-p061-02",
	"halt-p061-03",
	"halt-p061-04",
	"halt-p061-05",
	"halt-p061-06",
	"halt-p061-07",
	"halt-p061-08",
	"halt-p061-09",
	"halt-p061-10",
	"halt-p061-11",
	"halt-p061-12",
	"halt-p061-13",
	"halt-p061-14",
	"halt-p061-15",
	"halt-p061-16",
	"halt-p061-17",
	"halt-p061-18",
	"halt-p061-19",
	"halt-p061-20",
	"halt-p061-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-061",
		"reason": concat("", ["Large fixture policy p061 matched ", needle]),
		"severity": "CRITICAL",
	}
}
