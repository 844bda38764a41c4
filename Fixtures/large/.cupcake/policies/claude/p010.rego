# METADATA
# scope: package
# title: Large fixture policy p010
# custom:
#   id: LARGE-010
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p010

import rego.v1

needles := [
	"halt-p010-00",
	"halt-p010-01",
	"halt-p010-02",
	"halt-p010-03",
	"halt-p010-04",
	"halt-p010-05",
	"halt-p010-06",
	"halt-p010-07",
	"halt-p010-08",
	"halt-p010-09",
	"halt-p010-10",
	"halt-p010-11",
	"halt-p010-12",
	"halt-p010-13",
	"halt-p010-14",
	"halt-p010-15",
	"halt-p010-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-010",
		"reason": concat("", ["Large fixture policy p010 matched ", needle]),
		"severity": "CRITICAL",
	}
}
