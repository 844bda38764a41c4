# METADATA
# scope: package
# title: Large fixture policy p034
# custom:
#   id: LARGE-034
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p034

import rego.v1

needles := [
	"deny-p034-00",
	"deny-p034-01",
	"deny-p034-02",
	"deny-p034-03",
	"deny-p034-04",
	"deny-p034-05",
	"deny-p034-06",
	"deny-p034-07",
	"deny-p034-08",
	"deny-p034-09",
	"deny-p034-10",
	"deny-p034-11",
	"deny-p034-12",
	"deny-p034-13",
	"deny-p034-14",
	"deny-p034-15",
	"deny-p034-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-034",
		"reason": concat("", ["Large fixture policy p034 matched ", needle]),
		"severity": "HIGH",
	}
}
