# METADATA
# scope: package
# title: Large fixture policy p062
# custom:
#   id: LARGE-062
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p062

import rego.v1

needles := [
	"block-p062-00",
	"block-p062-01",
	"block-p062-02",
	"block-p062-03",
	"block-p062-04",
	"block-p062-05",
	"block-p062-06",
	"block-p062-07",
	"block-p062-08",
	"block-p062-09",
	"block-p062-10",
	"block-p062-11",
	"block-p062-12",
	"block-p062-13",
	"block-p062-14",
	"block-p062-15",
	"block-p062-16",
]

block contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-062",
		"reason": concat("", ["Large fixture policy p062 matched ", needle]),
		"severity": "HIGH",
	}
}
