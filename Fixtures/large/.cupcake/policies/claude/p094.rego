# METADATA
# scope: package
# title: Large fixture policy p094
# custom:
#   id: LARGE-094
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p094

import rego.v1

needles := [
	"ask-p094-00",
	"ask-p094-01",
	"ask-p094-02",
	"ask-p094-03",
	"ask-p094-04",
	"ask-p094-05",
	"ask-p094-06",
	"ask-p094-07",
	"ask-p094-08",
	"ask-p094-09",
	"ask-p094-10",
	"ask-p094-11",
	"ask-p094-12",
	"ask-p094-13",
	"ask-p094-14",
	"ask-p094-15",
	"ask-p094-16",
	"ask-p094-17",
	"ask-p094-18",
	"ask-p094-19",
	"ask-p094-20",
	"ask-p094-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-094",
		"reason": concat("", ["Large fixture policy p094 matched ", needle]),
		"severity": "MEDIUM",
	}
}
