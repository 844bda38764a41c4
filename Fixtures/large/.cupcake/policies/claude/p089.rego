# METADATA
# scope: package
# title: Large fixture policy p089
# custom:
#   id: LARGE-089
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p089

import rego.v1

needles := [
	"halt-p089-00",
	"halt-p089-01",
	"halt-p089-02",
	"halt-p089-03",
	"halt-p089-04",
	"halt-p089-05",
	"halt-p089-06",
	"halt-p089-07",
	"halt-p089-08",
	"halt-p089-09",
	"halt-p089-10",
	"halt-p089-11",
	"halt-p089-12",
	"halt-p089-13",
	"halt-p089-14",
	"halt-p089-15",
	"halt-p089-16",
	"halt-p089-17",
	"halt-p089-18",
	"halt-p089-19",
	"halt-p089-20",
	"halt-p089-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-089",
		"reason": concat("", ["Large fixture policy p089 matched ", needle]),
		"severity": "CRITICAL",
	}
}
