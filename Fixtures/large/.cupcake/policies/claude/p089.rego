# METADATA
# scope: package
# title: Large fixture policy p089
# custom:
#   id: LARGE-089
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p089

import rego.v1

needles := [
	"block-p089-00",
	"block-p089-01",
	"block-p089-02",
	"block-p089-03",
	"block-p089-04",
	"block-p089-05",
	"block-p089-06",
	"block-p089-07",
	"block-p089-08",
	"block-p089-09",
	"block-p089-10",
	"block-p089-11",
	"block-p089-12",
	"block-p089-13",
	"block-p089-14",
	"block-p089-15",
	"block-p089-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-089",
		"reason": concat("", ["Large fixture policy p089 matched ", needle]),
		"severity": "HIGH",
	}
}
