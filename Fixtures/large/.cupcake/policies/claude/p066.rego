# METADATA
# scope: package
# title: Large fixture policy p066
# custom:
#   id: LARGE-066
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p066

import rego.v1

needles := [
	"deny-p066-00",
	"deny-p066-01",
	"deny-p066-02",
	"deny-p066-03",
	"deny-p066-04",
	"deny-p066-05",
	"deny-p066-06",
	"deny-p066-07",
	"deny-p066-08",
	"deny-p066-09",
	"deny-p066-10",
	"deny-p066-11",
	"deny-p066-12",
	"deny-p066-13",
	"deny-p066-14",
	"deny-p066-15",
	"deny-p066-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-066",
		"reason": concat("", ["Large fixture policy p066 matched ", needle]),
		"severity": "HIGH",
	}
}
