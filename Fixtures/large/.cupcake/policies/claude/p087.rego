# METADATA
# scope: package
# title: Large fixture policy p087
# custom:
#   id: LARGE-087
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: []
package cupcake.policies.p087

import rego.v1

needles := [
	"block-p087-00",
	"block-p087-01",
	"block-p087-02",
	"block-p087-03",
	"block-p087-04",
	"block-p087-05",
	"block-p087-06",
	"block-p087-07",
	"block-p087-08",
	"block-p087-09",
	"block-p087-10",
	"block-p087-11",
	"block-p087-12",
	"block-p087-13",
	"block-p087-14",
	"block-p087-15",
	"block-p087-16",
	"block-p087-17",
	"block-p087-18",
	"block-p087-19",
	"block-p087-20",
	"block-p087-21",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-087",
		"reason": concat("", ["Large fixture policy p087 matched ", needle]),
		"severity": "HIGH",
	}
}
