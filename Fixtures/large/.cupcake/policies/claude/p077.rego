# METADATA
# scope: package
# title: Large fixture policy p077
# custom:
#   id: LARGE-077
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p077

import rego.v1

needles := [
	"halt-p077-00",
	"halt-p077-01",
	"halt-p077-02",
	"halt-p077-03",
	"halt-p077-04",
	"halt-p077-05",
	"halt-p077-06",
	"halt-p077-07",
	"halt-p077-08",
	"halt-p077-09",
	"halt-p077-10",
	"halt-p077-11",
	"halt-p077-12",
	"halt-p077-13",
	"halt-p077-14",
	"halt-p077-15",
	"halt-p077-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-077",
		"reason": concat("", ["Large fixture policy p077 matched ", needle]),
		"severity": "CRITICAL",
	}
}
