# METADATA
# scope: package
# title: Large fixture policy p076
# custom:
#   id: LARGE-076
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p076

import rego.v1

needles := [
	"halt-p076-00",
	"halt-p076-01",
	"halt-p076-02",
	"halt-p076-03",
	"halt-p076-04",
	"halt-p076-05",
	"halt-p076-06",
	"halt-p076-07",
	"halt-p076-08",
	"halt-p076-09",
	"halt-p076-10",
	"halt-p076-11",
	"halt-p076-12",
	"halt-p076-13",
	"halt-p076-14",
	"halt-p076-15",
	"halt-p076-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-076",
		"reason": concat("", ["Large fixture policy p076 matched ", needle]),
		"severity": "CRITICAL",
	}
}
