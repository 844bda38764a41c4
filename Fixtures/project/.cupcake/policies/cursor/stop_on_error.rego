# METADATA
# scope: package
# title: Stopping on an error
# description: When the agent loop ends with status "error", sends the agent back to fix it (Cursor's followup_message).
# custom:
#   id: LOOP-001
#   severity: MEDIUM
#   routing:
#     required_events: ["stop"]
#     required_tools: []
package cupcake.policies.stop_on_error

import rego.v1

block contains decision if {
	input.hook_event_name == "stop"
	input.status == "error"
	decision := {
		"rule_id": "LOOP-001",
		"reason": "The agent stopped on an error: find its cause and fix it",
		"severity": "MEDIUM",
	}
}
