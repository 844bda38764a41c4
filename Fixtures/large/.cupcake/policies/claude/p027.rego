# METADATA
# scope: package
# title: Large fixture policy p027
# custom:
#   id: LARGE-027
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Grep", "Glob"]
package cupcake.policies.p027

import rego.v1

needles := [
	"block-p027-00",
	"block-p027-01",
	"block-p027-02",
	"block-p027-03",
	"block-p027-04",
	"block-p027-05",
	"block-p027-06",
	"block-p027-07",
	"block-p027-08",
	"block-p027-09",
	"block-p027-10",
	"block-p027-11",
	"block-p027-12",
	"block-p027-13",
	"block-p027-14",
	"block-p027-15",
	"block-p027-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Grep", "Glob"}
	some needle in needles
	contains(input.tool_input.pattern, needle)
	decision := {
		"rule_id": "LARGE-027",
		"reason": concat("", ["Large fixture policy p027 matched ", needle]),
		"severity": "HIGH",
	}
}
