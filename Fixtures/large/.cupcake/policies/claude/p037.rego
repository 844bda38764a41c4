# METADATA
# scope: package
# title: Large fixture policy p037
# custom:
#   id: LARGE-037
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p037

import rego.v1

needles := [
	"halt-p037-00",
	"halt-p037-01",
	"halt-p037-02",
	"halt-p037-03",
	"halt-p037-04",
	"halt-p037-05",
	"halt-p037-06",
	"halt-p037-07",
	"halt-p037-08",
	"halt-p037-09",
	"halt-p037-10",
	"halt-p037-11",
	"halt-p037-12",
	"halt-p037-13",
	"halt-p037-14",
	"halt-p037-15",
	"halt-p037-16",
	"halt-p037-17",
	"halt-p037-18",
	"halt-p037-19",
	"halt-p037-20",
	"halt-p037-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-037",
		"reason": concat("", ["Large fixture policy p037 matched ", needle]),
		"severity": "CRITICAL",
	}
}
