# METADATA
# scope: package
# title: Large fixture policy p002
# custom:
#   id: LARGE-002
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p002

import rego.v1

needles := [
	"deny-p002-00",
	"deny-p002-01",
	"deny-p002-02",
	"deny-p002-03",
	"deny-p002-04",
	"deny-p002-05",
	"deny-p002-06",
	"deny-p002-07",
	"deny-p002-08",
	"deny-p002-09",
	"deny-p002-10",
	"deny-p002-11",
	"deny-p002-12",
	"deny-p002-13",
	"deny-p002-14",
	"deny-p002-15",
	"deny-p002-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-002",
		"reason": concat("", ["Large fixture policy p002 matched ", needle]),
		"severity": "HIGH",
	}
}
