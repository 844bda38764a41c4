# METADATA
# scope: package
# title: AWS keys in prompts
# description: Denies submitting a prompt that carries an AWS access key id (AKIA...).
# custom:
#   id: SEC-004
#   severity: CRITICAL
#   routing:
#     required_events: ["beforeSubmitPrompt"]
#     required_tools: []
package cupcake.policies.prompt_secrets

import rego.v1

deny contains decision if {
	input.hook_event_name == "beforeSubmitPrompt"
	contains(input.prompt, "AKIA")
	decision := {
		"rule_id": "SEC-004",
		"reason": "Possible AWS access key in the prompt",
		"severity": "CRITICAL",
	}
}
