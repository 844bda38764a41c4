# METADATA
# scope: package
# title: Large fixture policy p033
# custom:
#   id: LARGE-033
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p033

import rego.v1

needles := [
	"deny-p033-00",
	"deny-p033-01",
	"deny-p033-02",
	"deny-p033-03",
	"deny-p033-04",
	"deny-p033-05",
	"deny-p033-06",
	"deny-p033-07",
	"deny-p033-08",
	"deny-p033-09",
	"deny-p033-10",
	"deny-p033-11",
	"deny-p033-12",
	"deny-p033-13",
	"deny-p033-14",
	"deny-p033-15",
	"deny-p033-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-033",
		"reason": concat("", ["Large fixture policy p033 matched ", needle]),
		"severity": "HIGH",
	}
}
