# METADATA
# scope: package
# title: Large fixture policy p050
# custom:
#   id: LARGE-050
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p050

import rego.v1

needles := [
	"ask-p050-00",
	"ask-p050-01",
	"ask-p050-02",
	"ask-p050-03",
	"ask-p050-04",
	"ask-p050-05",
	"ask-p050-06",
	"ask-p050-07",
	"ask-p050-08",
	"ask-p050-09",
	"ask-p050-10",
	"ask-p050-11",
	"ask-p050-12",
	"ask-p050-13",
	"ask-p050-14",
	"ask-p050-15",
	"ask-p050-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-050",
		"reason": concat("", ["Large fixture policy p050 matched ", needle]),
		"severity": "MEDIUM",
	}
}
