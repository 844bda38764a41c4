# METADATA
# scope: package
# title: Reading .env files
# description: Denies the agent reading a file ending in .env (beforeReadFile).
# custom:
#   id: SEC-003
#   severity: HIGH
#   routing:
#     required_events: ["beforeReadFile"]
#     required_tools: []
package cupcake.policies.env_reads

import rego.v1

deny contains decision if {
	input.hook_event_name == "beforeReadFile"
	endswith(input.file_path, ".env")
	decision := {
		"rule_id": "SEC-003",
		"reason": "Reading a .env file is blocked; it may hold secrets",
		"severity": "HIGH",
	}
}
