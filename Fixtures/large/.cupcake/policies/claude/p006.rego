# METADATA
# scope: package
# title: Large fixture policy p006
# custom:
#   id: LARGE-006
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p006

import rego.v1

needles := [
	"deny-p006-00",
	"deny-p006-01",
	"deny-p006-02",
	"deny-p006-03",
	"deny-p006-04",
	"deny-p006-05",
	"deny-p006-06",
	"deny-p006-07",
	"deny-p006-08",
	"deny-p006-09",
	"deny-p006-10",
	"deny-p006-11",
	"deny-p006-12",
	"deny-p006-13",
	"deny-p006-14",
	"deny-p006-15",
	"deny-p006-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-006",
		"reason": concat("", ["Large fixture policy p006 matched ", needle]),
		"severity": "HIGH",
	}
}
