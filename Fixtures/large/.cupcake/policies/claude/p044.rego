# METADATA
# scope: package
# title: Large fixture policy p044
# custom:
#   id: LARGE-044
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p044

import rego.v1

needles := [
	"halt-p044-00",
	"halt-p044-01",
	"halt-p044-02",
	"halt-p044-03",
	"halt-p044-04",
	"halt-p044-05",
	"halt-p044-06",
	"halt-p044-07",
	"halt-p044-08",
	"halt-p044-09",
	"halt-p044-10",
	"halt-p044-11",
	"halt-p044-12",
	"halt-p044-13",
	"halt-p044-14",
	"halt-p044-15",
	"halt-p044-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-044",
		"reason": concat("", ["Large fixture policy p044 matched ", needle]),
		"severity": "CRITICAL",
	}
}
