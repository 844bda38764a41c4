# METADATA
# scope: package
# title: Large fixture policy p064
# custom:
#   id: LARGE-064
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p064

import rego.v1

needles := [
	"deny-p064-00",
	"deny-p064-01",
	"deny-p064-02",
	"deny-p064-03",
	"deny-p064-04",
	"deny-p064-05",
	"deny-p064-06",
	"deny-p064-07",
	"deny-p064-08",
	"deny-p064-09",
	"deny-p064-10",
	"deny-p064-11",
	"deny-p064-12",
	"deny-p064-13",
	"deny-p064-14",
	"deny-p064-15",
	"deny-p064-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-064",
		"reason": concat("", ["Large fixture policy p064 matched ", needle]),
		"severity": "HIGH",
	}
}
