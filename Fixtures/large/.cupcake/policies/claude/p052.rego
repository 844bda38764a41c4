# METADATA
# scope: package
# title: Large fixture policy p052
# custom:
#   id: LARGE-052
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p052

import rego.v1

needles := [
	"deny-p052-00",
	"deny-p052-01",
	"deny-p052-02",
	"deny-p052-03",
	"deny-p052-04",
	"deny-p052-05",
	"deny-p052-06",
	"deny-p052-07",
	"deny-p052-08",
	"deny-p052-09",
	"deny-p052-10",
	"deny-p052-11",
	"deny-p052-12",
	"deny-p052-13",
	"deny-p052-14",
	"deny-p052-15",
	"deny-p052-16",
	"deny-p052-17",
	"deny-p052-18",
	"deny-p052-19",
	"deny-p052-20",
	"deny-p052-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-052",
		"reason": concat("", ["Large fixture policy p052 matched ", needle]),
		"severity": "HIGH",
	}
}
