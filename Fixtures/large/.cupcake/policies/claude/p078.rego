# METADATA
# scope: package
# title: Large fixture policy p078
# custom:
#   id: LARGE-078
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["MultiEdit"]
package cupcake.policies.p078

import rego.v1

needles := [
	"halt-p078-00",
	"halt-p078-01",
	"halt-p078-02",
	"halt-p078-03",
	"halt-p078-04",
	"halt-p078-05",
	"halt-p078-06",
	"halt-p078-07",
	"halt-p078-08",
	"halt-p078-09",
	"halt-p078-10",
	"halt-p078-11",
	"halt-p078-12",
	"halt-p078-13",
	"halt-p078-14",
	"halt-p078-15",
	"halt-p078-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"MultiEdit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-078",
		"reason": concat("", ["Large fixture policy p078 matched ", needle]),
		"severity": "CRITICAL",
	}
}
