# METADATA
# scope: package
# title: Large fixture policy p045
# custom:
#   id: LARGE-045
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p045

import rego.v1

needles := [
	"halt-p045-00",
	"halt-p045-01",
	"halt-p045-02",
	"halt-p045-03",
	"halt-p045-04",
	"halt-p045-05",
	"halt-p045-06",
	"halt-p045-07",
	"halt-p045-08",
	"halt-p045-09",
	"halt-p045-10",
	"halt-p045-11",
	"halt-p045-12",
	"halt-p045-13",
	"halt-p045-14",
	"halt-p045-15",
	"halt-p045-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-045",
		"reason": concat("", ["Large fixture policy p045 matched ", needle]),
		"severity": "CRITICAL",
	}
}
