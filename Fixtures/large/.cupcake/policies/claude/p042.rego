# METADATA
# scope: package
# title: Large fixture policy p042
# custom:
#   id: LARGE-042
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p042

import rego.v1

needles := [
	"ask-p042-00",
	"ask-p042-01",
	"ask-p042-02",
	"ask-p042-03",
	"ask-p042-04",
	"ask-p042-05",
	"ask-p042-06",
	"ask-p042-07",
	"ask-p042-08",
	"ask-p042-09",
	"ask-p042-10",
	"ask-p042-11",
	"ask-p042-12",
	"ask-p042-13",
	"ask-p042-14",
	"ask-p042-15",
	"ask-p042-16",
	"ask-p042-17",
	"ask-p042-18",
	"ask-p042-19",
	"ask-p042-20",
	"ask-p042-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-042",
		"reason": concat("", ["Large fixture policy p042 matched ", needle]),
		"severity": "MEDIUM",
	}
}
