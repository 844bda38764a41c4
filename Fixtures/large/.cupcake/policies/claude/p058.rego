# METADATA
# scope: package
# title: Large fixture policy p058
# custom:
#   id: LARGE-058
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p058

import rego.v1

needles := [
	"block-p058-00",
	"block-p058-01",
	"block-p058-02",
	"block-p058-03",
	"block-p058-04",
	"block-p058-05",
	"block-p058-06",
	"block-p058-07",
	"block-p058-08",
	"block-p058-09",
	"block-p058-10",
	"block-p058-11",
	"block-p058-12",
	"block-p058-13",
	"block-p058-14",
	"block-p058-15",
	"block-p058-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-058",
		"reason": concat("", ["Large fixture policy p058 matched ", needle]),
		"severity": "HIGH",
	}
}
