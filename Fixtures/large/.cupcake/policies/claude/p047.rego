# METADATA
# scope: package
# title: Large fixture policy p047
# custom:
#   id: LARGE-047
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p047

import rego.v1

needles := [
	"halt-p047-00",
	"halt-p047-01",
	"halt-p047-02",
	"halt-p047-03",
	"halt-p047-04",
	"halt-p047-05",
	"halt-p047-06",
	"halt-p047-07",
	"halt-p047-08",
	"halt-p047-09",
	"halt-p047-10",
	"halt-p047-11",
	"halt-p047-12",
	"halt-p047-13",
	"halt-p047-14",
	"halt-p047-15",
	"halt-p047-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-047",
		"reason": concat("", ["Large fixture policy p047 matched ", needle]),
		"severity": "CRITICAL",
	}
}
