# METADATA
# scope: package
# title: Large fixture policy p075
# custom:
#   id: LARGE-075
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p075

import rego.v1

needles := [
	"halt-p075-00",
	"halt-p075-01",
	"halt-p075-02",
	"halt-p075-03",
	"halt-p075-04",
	"halt-p075-05",
	"halt-p075-06",
	"halt-p075-07",
	"halt-p075-08",
	"halt-p075-09",
	"halt-p075-10",
	"halt-p075-11",
	"halt-p075-12",
	"halt-p075-13",
	"halt-p075-14",
	"halt-p075-15",
	"halt-p075-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-075",
		"reason": concat("", ["Large fixture policy p075 matched ", needle]),
		"severity": "CRITICAL",
	}
}
