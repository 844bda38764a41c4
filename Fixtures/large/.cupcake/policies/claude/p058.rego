# METADATA
# scope: package
# title: Large fixture policy p058
# custom:
#   id: LARGE-058
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p058

import rego.v1

needles := [
	"ask-p058-00",
	"ask-p058-01",
	"ask-p058-02",
	"ask-p058-03",
	"ask-p058-04",
	"ask-p058-05",
	"ask-p058-06",
	"ask-p058-07",
	"ask-p058-08",
	"ask-p058-09",
	"ask-p058-10",
	"ask-p058-11",
	"ask-p058-12",
	"ask-p058-13",
	"ask-p058-14",
	"ask-p058-15",
	"ask-p058-16",
	"ask-p058-17",
	"ask-p058-18",
	"ask-p058-19",
	"ask-p058-20",
	"ask-p058-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-058",
		"reason": concat("", ["Large fixture policy p058 matched ", needle]),
		"severity": "MEDIUM",
	}
}
