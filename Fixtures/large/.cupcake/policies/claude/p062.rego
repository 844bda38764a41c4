# METADATA
# scope: package
# title: Large fixture policy p062
# custom:
#   id: LARGE-062
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p062

import rego.v1

needles := [
	"ask-p062-00",
	"ask-p062-01",
	"ask-p062-02",
	"ask-p062-03",
	"ask-p062-04",
	"ask-p062-05",
	"ask-p062-06",
	"ask-p062-07",
	"ask-p062-08",
	"ask-p062-09",
	"ask-p062-10",
	"ask-p062-11",
	"ask-p062-12",
	"ask-p062-13",
	"ask-p062-14",
	"ask-p062-15",
	"ask-p062-16",
	"ask-p062-17",
	"ask-p062-18",
	"ask-p062-19",
	"ask-p062-20",
	"ask-p062-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-062",
		"reason": concat("", ["Large fixture policy p062 matched ", needle]),
		"severity": "MEDIUM",
	}
}
