# METADATA
# scope: package
# title: Large fixture policy p049
# custom:
#   id: LARGE-049
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p049

import rego.v1

needles := [
	"ask-p049-00",
	"ask-p049-01",
	"ask-p049-02",
	"ask-p049-03",
	"ask-p049-04",
	"ask-p049-05",
	"ask-p049-06",
	"ask-p049-07",
	"ask-p049-08",
	"ask-p049-09",
	"ask-p049-10",
	"ask-p049-11",
	"ask-p049-12",
	"ask-p049-13",
	"ask-p049-14",
	"ask-p049-15",
	"ask-p049-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-049",
		"reason": concat("", ["Large fixture policy p049 matched ", needle]),
		"severity": "MEDIUM",
	}
}
