# METADATA
# scope: package
# title: Large fixture policy p025
# custom:
#   id: LARGE-025
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p025

import rego.v1

needles := [
	"block-p025-00",
	"block-p025-01",
	"block-p025-02",
	"block-p025-03",
	"block-p025-04",
	"block-p025-05",
	"block-p025-06",
	"block-p025-07",
	"block-p025-08",
	"block-p025-09",
	"block-p025-10",
	"block-p025-11",
	"block-p025-12",
	"block-p025-13",
	"block-p025-14",
	"block-p025-15",
	"block-p025-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-025",
		"reason": concat("", ["Large fixture policy p025 matched ", needle]),
		"severity": "HIGH",
	}
}
