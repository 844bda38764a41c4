# METADATA
# scope: package
# title: Large fixture policy p080
# custom:
#   id: LARGE-080
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p080

import rego.v1

needles := [
	"ask-p080-00",
	"ask-p080-01",
	"ask-p080-02",
	"ask-p080-03",
	"ask-p080-04",
	"ask-p080-05",
	"ask-p080-06",
	"ask-p080-07",
	"ask-p080-08",
	"ask-p080-09",
	"ask-p080-10",
	"ask-p080-11",
	"ask-p080-12",
	"ask-p080-13",
	"ask-p080-14",
	"ask-p080-15",
	"ask-p080-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-080",
		"reason": concat("", ["Large fixture policy p080 matched ", needle]),
		"severity": "MEDIUM",
	}
}
