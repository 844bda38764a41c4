# METADATA
# scope: package
# title: Large fixture policy p069
# custom:
#   id: LARGE-069
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Task"]
package cupcake.policies.p069

import rego.v1

needles := [
	"deny-p069-00",
	"deny-p069-01",
	"deny-p069-02",
	"deny-p069-03",
	"deny-p069-04",
	"deny-p069-05",
	"deny-p069-06",
	"deny-p069-07",
	"deny-p069-08",
	"deny-p069-09",
	"deny-p069-10",
	"deny-p069-11",
	"deny-p069-12",
	"deny-p069-13",
	"deny-p069-14",
	"deny-p069-15",
	"deny-p069-16",
]

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Task"}
	some needle in needles
	contains(input.tool_input.prompt, needle)
	decision := {
		"rule_id": "LARGE-069",
		"reason": concat("", ["Large fixture policy p069 matched ", needle]),
		"severity": "HIGH",
	}
}
