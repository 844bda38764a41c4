# METADATA
# scope: package
# title: Large fixture policy p083
# custom:
#   id: LARGE-083
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p083

import rego.v1

needles := [
	"ask-p083-00",
	"ask-p083-01",
	"ask-p083-02",
	"ask-p083-03",
	"ask-p083-04",
	"ask-p083-05",
	"ask-p083-06",
	"ask-p083-07",
	"ask-p083-08",
	"ask-p083-09",
	"ask-p083-10",
	"ask-p083-11",
	"ask-p083-12",
	"ask-p083-13",
	"ask-p083-14",
	"ask-p083-15",
	"ask-p083-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-083",
		"reason": concat("", ["Large fixture policy p083 matched ", needle]),
		"severity": "MEDIUM",
	}
}
