# METADATA
# scope: package
# title: Large fixture policy p072
# custom:
#   id: LARGE-072
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p072

import rego.v1

needles := [
	"deny-p072-00",
	"deny-p072-01",
	"deny-p072-02",
	"deny-p072-03",
	"deny-p072-04",
	"deny-p072-05",
	"deny-p072-06",
	"deny-p072-07",
	"deny-p072-08",
	"deny-p072-09",
	"deny-p072-10",
	"deny-p072-11",
	"deny-p072-12",
	"deny-p072-13",
	"deny-p072-14",
	"deny-p072-15",
	"deny-p072-16",
	"deny-p072-17",
	"deny-p072-18",
	"deny-p072-19",
	"deny-p072-20",
	"deny-p072-21",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-072",
		"reason": concat("", ["Large fixture policy p072 matched ", needle]),
		"severity": "HIGH",
	}
}
