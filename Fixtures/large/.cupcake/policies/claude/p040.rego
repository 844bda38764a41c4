# METADATA
# scope: package
# title: Large fixture policy p040
# custom:
#   id: LARGE-040
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p040

import rego.v1

needles := [
	"deny-p040-00",
	"deny-p040-01",
	"deny-p040-02",
	"deny-p040-03",
	"deny-p040-04",
	"deny-p040-05",
	"deny-p040-06",
	"deny-p040-07",
	"deny-p040-08",
	"deny-p040-09",
	"deny-p040-10",
	"deny-p040-11",
	"deny-p040-12",
	"deny-p040-13",
	"deny-p040-14",
	"deny-p040-15",
	"deny-p040-16",
	"deny-p040-17",
	"deny-p040-18",
	"deny-p040-19",
	"deny-p040-20",
	"deny-p040-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-040",
		"reason": concat("", ["Large fixture policy p040 matched ", needle]),
		"severity": "HIGH",
	}
}
