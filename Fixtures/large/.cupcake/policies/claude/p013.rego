# METADATA
# scope: package
# title: Large fixture policy p013
# custom:
#   id: LARGE-013
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p013

import rego.v1

needles := [
	"halt-p013-00",
	"halt-p013-01",
	"halt-p013-02",
	"halt-p013-03",
	"halt-p013-04",
	"halt-p013-05",
	"halt-p013-06",
	"halt-p013-07",
	"halt-p013-08",
	"halt-p013-09",
	"halt-p013-10",
	"halt-p013-11",
	"halt-p013-12",
	"halt-p013-13",
	"halt-p013-14",
	"halt-p013-15",
	"halt-p013-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-013",
		"reason": concat("", ["Large fixture policy p013 matched ", needle]),
		"severity": "CRITICAL",
	}
}
