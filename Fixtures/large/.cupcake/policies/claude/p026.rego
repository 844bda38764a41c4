# METADATA
# scope: package
# title: Large fixture policy p026
# custom:
#   id: LARGE-026
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p026

import rego.v1

needles := [
	"ask-p026-00",
	"ask-p026-01",
	"ask-p026-02",
	"ask-p026-03",
	"ask-p026-04",
	"ask-p026-05",
	"ask-p026-06",
	"ask-p026-07",
	"ask-p026-08",
	"ask-p026-09",
	"ask-p026-10",
	"ask-p026-11",
	"ask-p026-12",
	"ask-p026-13",
	"ask-p026-14",
	"ask-p026-15",
	"ask-p026-16",
	"ask-p026-17",
	"ask-p026-18",
	"ask-p026-19",
	"ask-p026-20",
	"ask-p026-21",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-026",
		"reason": concat("", ["Large fixture policy p026 matched ", needle]),
		"severity": "MEDIUM",
	}
}
