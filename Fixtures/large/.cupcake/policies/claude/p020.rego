# METADATA
# scope: package
# title: Large fixture policy p020
# custom:
#   id: LARGE-020
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p020

import rego.v1

needles := [
	"ask-p020-00",
	"ask-p020-01",
	"ask-p020-02",
	"ask-p020-03",
	"ask-p020-04",
	"ask-p020-05",
	"ask-p020-06",
	"ask-p020-07",
	"ask-p020-08",
	"ask-p020-09",
	"ask-p020-10",
	"ask-p020-11",
	"ask-p020-12",
	"ask-p020-13",
	"ask-p020-14",
	"ask-p020-15",
	"ask-p020-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-020",
		"reason": concat("", ["Large fixture policy p020 matched ", needle]),
		"severity": "MEDIUM",
	}
}
