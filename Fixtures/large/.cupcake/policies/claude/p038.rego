# METADATA
# scope: package
# title: Large fixture policy p038
# custom:
#   id: LARGE-038
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p038

import rego.v1

needles := [
	"deny-p038-00",
	"deny-p038-01",
	"deny-p038-02",
	"deny-p038-03",
	"deny-p038-04",
	"deny-p038-05",
	"deny-p038-06",
	"deny-p038-07",
	"deny-p038-08",
	"deny-p038-09",
	"deny-p038-10",
	"deny-p038-11",
	"deny-p038-12",
	"deny-p038-13",
	"deny-p038-14",
	"deny-p038-15",
	"deny-p038-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-038",
		"reason": concat("", ["Large fixture policy p038 matched ", needle]),
		"severity": "HIGH",
	}
}
