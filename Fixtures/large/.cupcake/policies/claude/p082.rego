# METADATA
# scope: package
# title: Large fixture policy p082
# custom:
#   id: LARGE-082
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Read"]
package cupcake.policies.p082

import rego.v1

needles := [
	"ask-p082-00",
	"ask-p082-01",
	"ask-p082-02",
	"ask-p082-03",
	"ask-p082-04",
	"ask-p082-05",
	"ask-p082-06",
	"ask-p082-07",
	"ask-p082-08",
	"ask-p082-09",
	"ask-p082-10",
	"ask-p082-11",
	"ask-p082-12",
	"ask-p082-13",
	"ask-p082-14",
	"ask-p082-15",
	"ask-p082-16",
]

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Read"}
	some needle in needles
	contains(input.tool_input.file_path, needle)
	decision := {
		"rule_id": "LARGE-082",
		"reason": concat("", ["Large fixture policy p082 matched ", needle]),
		"severity": "MEDIUM",
	}
}
