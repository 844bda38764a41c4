# METADATA
# scope: package
# title: Large fixture policy p000
# custom:
#   id: LARGE-000
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.p000

import rego.v1

needles := [
	"deny-p000-00",
	"deny-p000-01",
	"deny-p000-02",
	"deny-p000-03",
	"deny-p000-04",
	"deny-p000-05",
	"deny-p000-06",
	"deny-p000-07",
	"deny-p000-08",
	"deny-p000-09",
	"deny-p000-10",
	"deny-p000-11",
	"deny-p000-12",
	"deny-p000-13",
	"deny-p000-14",
	"deny-p000-15",
	"deny-p000-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Bash"}
	some needle in needles
	contains(input.tool_input.command, needle)
	decision := {
		"rule_id": "LARGE-000",
		"reason": concat("", ["Large fixture policy p000 matched ", needle]),
		"severity": "HIGH",
	}
}
