# METADATA
# scope: package
# title: Large fixture policy p026
# custom:
#   id: LARGE-026
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p026

import rego.v1

needles := [
	"block-p026-00",
	"block-p026-01",
	"block-p026-02",
	"block-p026-03",
	"block-p026-04",
	"block-p026-05",
	"block-p026-06",
	"block-p026-07",
	"block-p026-08",
	"block-p026-09",
	"block-p026-10",
	"block-p026-11",
	"block-p026-12",
	"block-p026-13",
	"block-p026-14",
	"block-p026-15",
	"block-p026-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-026",
		"reason": concat("", ["Large fixture policy p026 matched ", needle]),
		"severity": "HIGH",
	}
}
