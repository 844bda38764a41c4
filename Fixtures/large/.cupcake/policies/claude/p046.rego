# METADATA
# scope: package
# title: Large fixture policy p046
# custom:
#   id: LARGE-046
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p046

import rego.v1

needles := [
	"halt-p046-00",
	"halt-p046-01",
	"halt-p046-02",
	"halt-p046-03",
	"halt-p046-04",
	"halt-p046-05",
	"halt-p046-06",
	"halt-p046-07",
	"halt-p046-08",
	"halt-p046-09",
	"halt-p046-10",
	"halt-p046-11",
	"halt-p046-12",
	"halt-p046-13",
	"halt-p046-14",
	"halt-p046-15",
	"halt-p046-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-046",
		"reason": concat("", ["Large fixture policy p046 matched ", needle]),
		"severity": "CRITICAL",
	}
}
