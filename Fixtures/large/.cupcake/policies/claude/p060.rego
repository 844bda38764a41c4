# METADATA
# scope: package
# title: Large fixture policy p060
# custom:
#   id: LARGE-060
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p060

import rego.v1

needles := [
	"block-p060-00",
	"block-p060-01",
	"block-p060-02",
	"block-p060-03",
	"block-p060-04",
	"block-p060-05",
	"block-p060-06",
	"block-p060-07",
	"block-p060-08",
	"block-p060-09",
	"block-p060-10",
	"block-p060-11",
	"block-p060-12",
	"block-p060-13",
	"block-p060-14",
	"block-p060-15",
	"block-p060-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-060",
		"reason": concat("", ["Large fixture policy p060 matched ", needle]),
		"severity": "HIGH",
	}
}
