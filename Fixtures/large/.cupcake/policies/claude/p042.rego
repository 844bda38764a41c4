# METADATA
# scope: package
# title: Large fixture policy p042
# custom:
#   id: LARGE-042
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p042

import rego.v1

needles := [
	"halt-p042-00",
	"halt-p042-01",
	"halt-p042-02",
	"halt-p042-03",
	"halt-p042-04",
	"halt-p042-05",
	"halt-p042-06",
	"halt-p042-07",
	"halt-p042-08",
	"halt-p042-09",
	"halt-p042-10",
	"halt-p042-11",
	"halt-p042-12",
	"halt-p042-13",
	"halt-p042-14",
	"halt-p042-15",
	"halt-p042-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-042",
		"reason": concat("", ["Large fixture policy p042 matched ", needle]),
		"severity": "CRITICAL",
	}
}
