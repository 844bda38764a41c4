# METADATA
# scope: package
# title: Large fixture policy p057
# custom:
#   id: LARGE-057
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p057

import rego.v1

needles := [
	"block-p057-00",
	"block-p057-01",
	"block-p057-02",
	"block-p057-03",
	"block-p057-04",
	"block-p057-05",
	"block-p057-06",
	"block-p057-07",
	"block-p057-08",
	"block-p057-09",
	"block-p057-10",
	"block-p057-11",
	"block-p057-12",
	"block-p057-13",
	"block-p057-14",
	"block-p057-15",
	"block-p057-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-057",
		"reason": concat("", ["Large fixture policy p057 matched ", needle]),
		"severity": "HIGH",
	}
}
