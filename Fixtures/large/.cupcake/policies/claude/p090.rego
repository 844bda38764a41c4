# METADATA
# scope: package
# title: Large fixture policy p090
# custom:
#   id: LARGE-090
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p090

import rego.v1

needles := [
	"block-p090-00",
	"block-p090-01",
	"block-p090-02",
	"block-p090-03",
	"block-p090-04",
	"block-p090-05",
	"block-p090-06",
	"block-p090-07",
	"block-p090-08",
	"block-p090-09",
	"block-p090-10",
	"block-p090-11",
	"block-p090-12",
	"block-p090-13",
	"block-p090-14",
	"block-p090-15",
	"block-p090-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-090",
		"reason": concat("", ["Large fixture policy p090 matched ", needle]),
		"severity": "HIGH",
	}
}
