# METADATA
# scope: package
# title: Large fixture policy p040
# custom:
#   id: LARGE-040
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p040

import rego.v1

needles := [
	"halt-p040-00",
	"halt-p040-01",
	"halt-p040-02",
	"halt-p040-03",
	"halt-p040-04",
	"halt-p040-05",
	"halt-p040-06",
	"halt-p040-07",
	"halt-p040-08",
	"halt-p040-09",
	"halt-p040-10",
	"halt-p040-11",
	"halt-p040-12",
	"halt-p040-13",
	"halt-p040-14",
	"halt-p040-15",
	"halt-p040-16",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-040",
		"reason": concat("", ["Large fixture policy p040 matched ", needle]),
		"severity": "CRITICAL",
	}
}
