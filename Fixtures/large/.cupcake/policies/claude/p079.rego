# METADATA
# scope: package
# title: Large fixture policy p079
# custom:
#   id: LARGE-079
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p079

import rego.v1

needles := [
	"halt-p079-00",
	"halt-p079-01",
	"halt-p079-02",
	"halt-p079-03",
	"halt-p079-04",
	"halt-p079-05",
	"halt-p079-06",
	"halt-p079-07",
	"halt-p079-08",
	"halt-p079-09",
	"halt-p079-10",
	"halt-p079-11",
	"halt-p079-12",
	"halt-p079-13",
	"halt-p079-14",
	"halt-p079-15",
	"halt-p079-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-079",
		"reason": concat("", ["Large fixture policy p079 matched ", needle]),
		"severity": "CRITICAL",
	}
}
