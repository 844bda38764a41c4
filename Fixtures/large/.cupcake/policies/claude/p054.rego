# METADATA
# scope: package
# title: Large fixture policy p054
# custom:
#   id: LARGE-054
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p054

import rego.v1

needles := [
	"ask-p054-00",
	"ask-p054-01",
	"ask-p054-02",
	"ask-p054-03",
	"ask-p054-04",
	"ask-p054-05",
	"ask-p054-06",
	"ask-p054-07",
	"ask-p054-08",
	"ask-p054-09",
	"ask-p054-10",
	"ask-p054-11",
	"ask-p054-12",
	"ask-p054-13",
	"ask-p054-14",
	"ask-p054-15",
	"ask-p054-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-054",
		"reason": concat("", ["Large fixture policy p054 matched ", needle]),
		"severity": "MEDIUM",
	}
}
