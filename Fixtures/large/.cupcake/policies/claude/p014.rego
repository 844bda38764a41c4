# METADATA
# scope: package
# title: Large fixture policy p014
# custom:
#   id: LARGE-014
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p014

import rego.v1

needles := [
	"halt-p014-00",
	"halt-p014-01",
	"halt-p014-02",
	"halt-p014-03",
	"halt-p014-04",
	"halt-p014-05",
	"halt-p014-06",
	"halt-p014-07",
	"halt-p014-08",
	"halt-p014-09",
	"halt-p014-10",
	"halt-p014-11",
	"halt-p014-12",
	"halt-p014-13",
	"halt-p014-14",
	"halt-p014-15",
	"halt-p014-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-014",
		"reason": concat("", ["Large fixture policy p014 matched ", needle]),
		"severity": "CRITICAL",
	}
}
