# METADATA
# scope: package
# title: Large fixture policy p084
# custom:
#   id: LARGE-084
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p084

import rego.v1

needles := [
	"ask-p084-00",
	"ask-p084-01",
	"ask-p084-02",
	"ask-p084-03",
	"ask-p084-04",
	"ask-p084-05",
	"ask-p084-06",
	"ask-p084-07",
	"ask-p084-08",
	"ask-p084-09",
	"ask-p084-10",
	"ask-p084-11",
	"ask-p084-12",
	"ask-p084-13",
	"ask-p084-14",
	"ask-p084-15",
	"ask-p084-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-084",
		"reason": concat("", ["Large fixture policy p084 matched ", needle]),
		"severity": "MEDIUM",
	}
}
