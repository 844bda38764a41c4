# METADATA
# scope: package
# title: Large fixture policy p015
# custom:
#   id: LARGE-015
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p015

import rego.v1

needles := [
	"halt-p015-00",
	"halt-p015-01",
	"halt-p015-02",
	"halt-p015-03",
	"halt-p015-04",
	"halt-p015-05",
	"halt-p015-06",
	"halt-p015-07",
	"halt-p015-08",
	"halt-p015-09",
	"halt-p015-10",
	"halt-p015-11",
	"halt-p015-12",
	"halt-p015-13",
	"halt-p015-14",
	"halt-p015-15",
	"halt-p015-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-015",
		"reason": concat("", ["Large fixture policy p015 matched ", needle]),
		"severity": "CRITICAL",
	}
}
