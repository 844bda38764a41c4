# METADATA
# scope: package
# title: Large fixture policy p052
# custom:
#   id: LARGE-052
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p052

import rego.v1

needles := [
	"ask-p052-00",
	"ask-p052-01",
	"ask-p052-02",
	"ask-p052-03",
	"ask-p052-04",
	"ask-p052-05",
	"ask-p052-06",
	"ask-p052-07",
	"ask-p052-08",
	"ask-p052-09",
	"ask-p052-10",
	"ask-p052-11",
	"ask-p052-12",
	"ask-p052-13",
	"ask-p052-14",
	"ask-p052-15",
	"ask-p052-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-052",
		"reason": concat("", ["Large fixture policy p052 matched ", needle]),
		"severity": "MEDIUM",
	}
}
