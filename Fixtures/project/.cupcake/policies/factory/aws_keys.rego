# METADATA
# scope: package
# title: Leaked AWS access keys
# description: Denies any tool call whose input carries an AWS access key id (AKIA...).
# custom:
#   id: SEC-001
#   severity: CRITICAL
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["*"]
package cupcake.policies.aws_keys

import rego.v1

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	walk(input.tool_input, [_, value])
	is_string(value)
	contains(value, "AKIA")
	decision := {
		"rule_id": "SEC-001",
		"reason": "Possible AWS access key in tool input",
		"severity": "CRITICAL",
	}
}
