# METADATA
# scope: package
# title: Large fixture policy p028
# custom:
#   id: LARGE-028
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p028

import rego.v1

needles := [
	"block-p028-00",
	"block-p028-01",
	"block-p028-02",
	"block-p028-03",
	"block-p028-04",
	"block-p028-05",
	"block-p028-06",
	"block-p028-07",
	"block-p028-08",
	"block-p028-09",
	"block-p028-10",
	"block-p028-11",
	"block-p028-12",
	"block-p028-13",
	"block-p028-14",
	"block-p028-15",
	"block-p028-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-028",
		"reason": concat("", ["Large fixture policy p028 matched ", needle]),
		"severity": "HIGH",
	}
}
