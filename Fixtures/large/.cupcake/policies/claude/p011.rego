# METADATA
# scope: package
# title: Large fixture policy p011
# custom:
#   id: LARGE-011
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p011

import rego.v1

needles := [
	"halt-p011-00",
	"halt-p011-01",
	"halt-p011-02",
	"halt-p011-03",
	"halt-p011-04",
	"halt-p011-05",
	"halt-p011-06",
	"halt-p011-07",
	"halt-p011-08",
	"halt-p011-09",
	"halt-p011-10",
	"halt-p011-11",
	"halt-p011-12",
	"halt-p011-13",
	"halt-p011-14",
	"halt-p011-15",
	"halt-p011-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-011",
		"reason": concat("", ["Large fixture policy p011 matched ", needle]),
		"severity": "CRITICAL",
	}
}
