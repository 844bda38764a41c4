# METADATA
# scope: package
# title: Large fixture policy p048
# custom:
#   id: LARGE-048
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p048

import rego.v1

needles := [
	"ask-p048-00",
	"ask-p048-01",
	"ask-p048-02",
	"ask-p048-03",
	"ask-p048-04",
	"ask-p048-05",
	"ask-p048-06",
	"ask-p048-07",
	"ask-p048-08",
	"ask-p048-09",
	"ask-p048-10",
	"ask-p048-11",
	"ask-p048-12",
	"ask-p048-13",
	"ask-p048-14",
	"ask-p048-15",
	"ask-p048-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-048",
		"reason": concat("", ["Large fixture policy p048 matched ", needle]),
		"severity": "MEDIUM",
	}
}
