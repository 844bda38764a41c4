# METADATA
# scope: package
# title: Secrets written to .env files
# description: Blocks (after the fact) a Create, Edit or Write of a file ending in .env.
# custom:
#   id: SEC-002
#   severity: HIGH
#   routing:
#     required_events: ["PostToolUse"]
#     required_tools: ["Create", "Edit", "Write"]
package cupcake.policies.env_files

import rego.v1

block contains decision if {
	input.hook_event_name == "PostToolUse"
	input.tool_name in {"Create", "Edit", "Write"}
	endswith(input.tool_input.file_path, ".env")
	decision := {
		"rule_id": "SEC-002",
		"reason": "A .env file was written; it may hold secrets",
		"severity": "HIGH",
	}
}
