# METADATA
# scope: package
# title: Large fixture policy p070
# custom:
#   id: LARGE-070
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p070

import rego.v1

needles := [
	"deny-p070-00",
	"deny-p070-01",
	"deny-p070-02",
	"deny-p070-03",
	"deny-p070-04",
	"deny-p070-05",
	"deny-p070-06",
	"deny-p070-07",
	"deny-p070-08",
	"deny-p070-09",
	"deny-p070-10",
	"deny-p070-11",
	"deny-p070-12",
	"deny-p070-13",
	"deny-p070-14",
	"deny-p070-15",
	"deny-p070-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-070",
		"reason": concat("", ["Large fixture policy p070 matched ", needle]),
		"severity": "HIGH",
	}
}
