# METADATA
# scope: package
# title: Large fixture policy p017
# custom:
#   id: LARGE-017
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p017

import rego.v1

needles := [
	"halt-p017-00",
	"halt-p017-01",
	"halt-p017-02",
	"halt-p017-03",
	"halt-p017-04",
	"halt-p017-05",
	"halt-p017-06",
	"halt-p017-07",
	"halt-p017-08",
	"halt-p017-09",
	"halt-p017-10",
	"halt-p017-11",
	"halt-p017-12",
	"halt-p017-13",
	"halt-p017-14",
	"halt-p017-15",
	"halt-p017-16",
	"halt-p017-17",
	"halt-p017-18",
	"halt-p017-19",
	"halt-p017-20",
	"halt-p017-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-017",
		"reason": concat("", ["Large fixture policy p017 matched ", needle]),
		"severity": "CRITICAL",
	}
}
