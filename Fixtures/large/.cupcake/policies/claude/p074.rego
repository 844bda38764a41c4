# METADATA
# scope: package
# title: Large fixture policy p074
# custom:
#   id: LARGE-074
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p074

import rego.v1

needles := [
	"halt-p074-00",
	"halt-p074-01",
	"halt-p074-02",
	"halt-p074-03",
	"halt-p074-04",
	"halt-p074-05",
	"halt-p074-06",
	"halt-p074-07",
	"halt-p074-08",
	"halt-p074-09",
	"halt-p074-10",
	"halt-p074-11",
	"halt-p074-12",
	"halt-p074-13",
	"halt-p074-14",
	"halt-p074-15",
	"halt-p074-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-074",
		"reason": concat("", ["Large fixture policy p074 matched ", needle]),
		"severity": "CRITICAL",
	}
}
