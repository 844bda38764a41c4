# METADATA
# scope: package
# title: Large fixture policy p008
# custom:
#   id: LARGE-008
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p008

import rego.v1

needles := [
	"halt-p008-00",
	"halt-p008-01",
	"halt-p008-02",
	"halt-p008-03",
	"halt-p008-04",
	"halt-p008-05",
	"halt-p008-06",
	"halt-p008-07",
	"halt-p008-08",
	"halt-p008-09",
	"halt-p008-10",
	"halt-p008-11",
	"halt-p008-12",
	"halt-p008-13",
	"halt-p008-14",
	"halt-p008-15",
	"halt-p008-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-008",
		"reason": concat("", ["Large fixture policy p008 matched ", needle]),
		"severity": "CRITICAL",
	}
}
