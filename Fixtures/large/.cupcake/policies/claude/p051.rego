# METADATA
# scope: package
# title: Large fixture policy p051
# custom:
#   id: LARGE-051
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p051

import rego.v1

needles := [
	"ask-p051-00",
	"ask-p051-01",
	"ask-p051-02",
	"ask-p051-03",
	"ask-p051-04",
	"ask-p051-05",
	"ask-p051-06",
	"ask-p051-07",
	"ask-p051-08",
	"ask-p051-09",
	"ask-p051-10",
	"ask-p051-11",
	"ask-p051-12",
	"ask-p051-13",
	"ask-p051-14",
	"ask-p051-15",
	"ask-p051-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-051",
		"reason": concat("", ["Large fixture policy p051 matched ", needle]),
		"severity": "MEDIUM",
	}
}
