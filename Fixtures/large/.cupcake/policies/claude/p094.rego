# METADATA
# scope: package
# title: Large fixture policy p094
# custom:
#   id: LARGE-094
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p094

import rego.v1

needles := [
	"block-p094-00",
	"block-p094-01",
	"block-p094-02",
	"block-p094-03",
	"block-p094-04",
	"block-p094-05",
	"block-p094-06",
	"block-p094-07",
	"block-p094-08",
	"block-p094-09",
	"block-p094-10",
	"block-p094-11",
	"block-p094-12",
	"block-p094-13",
	"block-p094-14",
	"block-p094-15",
	"block-p094-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-094",
		"reason": concat("", ["Large fixture policy p094 matched ", needle]),
		"severity": "HIGH",
	}
}
