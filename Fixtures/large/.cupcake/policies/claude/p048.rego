# METADATA
# scope: package
# title: Large fixture policy p048
# custom:
#   id: LARGE-048
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p048

import rego.v1

needles := [
	"deny-p048-00",
	"deny-p048-01",
	"deny-p048-02",
	"deny-p048-03",
	"deny-p048-04",
	"deny-p048-05",
	"deny-p048-06",
	"deny-p048-07",
	"deny-p048-08",
	"deny-p048-09",
	"deny-p048-10",
	"deny-p048-11",
	"deny-p048-12",
	"deny-p048-13",
	"deny-p048-14",
	"deny-p048-15",
	"deny-p048-16",
	"deny-p048-17",
	"deny-p048-18",
	"deny-p048-19",
	"deny-p048-20",
	"deny-p048-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-048",
		"reason": concat("", ["Large fixture policy p048 matched ", needle]),
		"severity": "HIGH",
	}
}
