# METADATA
# scope: package
# title: Large fixture policy p065
# custom:
#   id: LARGE-065
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p065

import rego.v1

needles := [
	"deny-p065-00",
	"deny-p065-01",
	"deny-p065-02",
	"deny-p065-03",
	"deny-p065-04",
	"deny-p065-05",
	"deny-p065-06",
	"deny-p065-07",
	"deny-p065-08",
	"deny-p065-09",
	"deny-p065-10",
	"deny-p065-11",
	"deny-p065-12",
	"deny-p065-13",
	"deny-p065-14",
	"deny-p065-15",
	"deny-p065-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-065",
		"reason": concat("", ["Large fixture policy p065 matched ", needle]),
		"severity": "HIGH",
	}
}
