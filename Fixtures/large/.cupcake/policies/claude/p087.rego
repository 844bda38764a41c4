# METADATA
# scope: package
# title: Large fixture policy p087
# custom:
#   id: LARGE-087
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p087

import rego.v1

needles := [
	"ask-p087-00",
	"ask-p087-01",
	"ask-p087-02",
	"ask-p087-03",
	"ask-p087-04",
	"ask-p087-05",
	"ask-p087-06",
	"ask-p087-07",
	"ask-p087-08",
	"ask-p087-09",
	"ask-p087-10",
	"ask-p087-11",
	"ask-p087-12",
	"ask-p087-13",
	"ask-p087-14",
	"ask-p087-15",
	"ask-p087-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-087",
		"reason": concat("", ["Large fixture policy p087 matched ", needle]),
		"severity": "MEDIUM",
	}
}
