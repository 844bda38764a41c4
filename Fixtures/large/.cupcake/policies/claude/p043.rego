# METADATA
# scope: package
# title: Large fixture policy p043
# custom:
#   id: LARGE-043
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p043

import rego.v1

needles := [
	"halt-p043-00",
	"halt-p043-01",
	"halt-p043-02",
	"halt-p043-03",
	"halt-p043-04",
	"halt-p043-05",
	"halt-p043-06",
	"halt-p043-07",
	"halt-p043-08",
	"halt-p043-09",
	"halt-p043-10",
	"halt-p043-11",
	"halt-p043-12",
	"halt-p043-13",
	"halt-p043-14",
	"halt-p043-15",
	"halt-p043-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-043",
		"reason": concat("", ["Large fixture policy p043 matched ", needle]),
		"severity": "CRITICAL",
	}
}
