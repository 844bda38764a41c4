# METADATA
# scope: package
# title: Large fixture policy p091
# custom:
#   id: LARGE-091
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p091

import rego.v1

needles := [
	"block-p091-00",
	"block-p091-01",
	"block-p091-02",
	"block-p091-03",
	"block-p091-04",
	"block-p091-05",
	"block-p091-06",
	"block-p091-07",
	"block-p091-08",
	"block-p091-09",
	"block-p091-10",
	"block-p091-11",
	"block-p091-12",
	"block-p091-13",
	"block-p091-14",
	"block-p091-15",
	"block-p091-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-091",
		"reason": concat("", ["Large fixture policy p091 matched ", needle]),
		"severity": "HIGH",
	}
}
