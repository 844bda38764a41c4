# METADATA
# scope: package
# title: Large fixture policy p012
# custom:
#   id: LARGE-012
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p012

import rego.v1

needles := [
	"halt-p012-00",
	"halt-p012-01",
	"halt-p012-02",
	"halt-p012-03",
	"halt-p012-04",
	"halt-p012-05",
	"halt-p012-06",
	"halt-p012-07",
	"halt-p012-08",
	"halt-p012-09",
	"halt-p012-10",
	"halt-p012-11",
	"halt-p012-12",
	"halt-p012-13",
	"halt-p012-14",
	"halt-p012-15",
	"halt-p012-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-012",
		"reason": concat("", ["Large fixture policy p012 matched ", needle]),
		"severity": "CRITICAL",
	}
}
