# METADATA
# scope: package
# title: Large fixture policy p049
# custom:
#   id: LARGE-049
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p049

import rego.v1

needles := [
	"halt-p049-00",
	"halt-p049-01",
	"halt-p049-02",
	"halt-p049-03",
	"halt-p049-04",
	"halt-p049-05",
	"halt-p049-06",
	"halt-p049-07",
	"halt-p049-08",
	"halt-p049-09",
	"halt-p049-10",
	"halt-p049-11",
	"halt-p049-12",
	"halt-p049-13",
	"halt-p049-14",
	"halt-p049-15",
	"halt-p049-16",
	"halt-p049-17",
	"halt-p049-18",
	"halt-p049-19",
	"halt-p049-20",
	"halt-p049-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-049",
		"reason": concat("", ["Large fixture policy p049 matched ", needle]),
		"severity": "CRITICAL",
	}
}
