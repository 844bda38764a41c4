# METADATA
# scope: package
# title: Large fixture policy p092
# custom:
#   id: LARGE-092
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["WebFetch"]
package cupcake.policies.p092

import rego.v1

needles := [
	"block-p092-00",
	"block-p092-01",
	"block-p092-02",
	"block-p092-03",
	"block-p092-04",
	"block-p092-05",
	"block-p092-06",
	"block-p092-07",
	"block-p092-08",
	"block-p092-09",
	"block-p092-10",
	"block-p092-11",
	"block-p092-12",
	"block-p092-13",
	"block-p092-14",
	"block-p092-15",
	"block-p092-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"WebFetch"}
	some needle in needles
	contains(input.tool_input.url, needle)
	decision := {
		"rule_id": "LARGE-092",
		"reason": concat("", ["Large fixture policy p092 matched ", needle]),
		"severity": "HIGH",
	}
}
