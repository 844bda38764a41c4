# METADATA
# scope: package
# title: Large fixture policy p072
# custom:
#   id: LARGE-072
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p072

import rego.v1

needles := [
	"halt-p072-00",
	"halt-p072-01",
	"halt-p072-02",
	"halt-p072-03",
	"halt-p072-04",
	"halt-p072-05",
	"halt-p072-06",
	"halt-p072-07",
	"halt-p072-08",
	"halt-p072-09",
	"halt-p072-10",
	"halt-p072-11",
	"halt-p072-12",
	"halt-p072-13",
	"halt-p072-14",
	"halt-p072-15",
	"halt-p072-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-072",
		"reason": concat("", ["Large fixture policy p072 matched ", needle]),
		"severity": "CRITICAL",
	}
}
