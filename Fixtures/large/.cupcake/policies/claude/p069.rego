# METADATA
# scope: package
# title: Large fixture policy p069
# custom:
#   id: LARGE-069
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.p069

import rego.v1

needles := [
	"halt-p069-00",
	"halt-p069-01",
	"halt-p069-02",
	"halt-p069-03",
	"halt-p069-04",
	"halt-p069-05",
	"halt-p069-06",
	"halt-p069-07",
	"halt-p069-08",
	"halt-p069-09",
	"halt-p069-10",
	"halt-p069-11",
	"halt-p069-12",
	"halt-p069-13",
	"halt-p069-14",
	"halt-p069-15",
	"halt-p069-16",
	"halt-p069-17",
	"halt-p069-18",
	"halt-p069-19",
	"halt-p069-20",
	"halt-p069-21",
]

halt contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Write", "Edit"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-069",
		"reason": concat("", ["Large fixture policy p069 matched ", needle]),
		"severity": "CRITICAL",
	}
}
