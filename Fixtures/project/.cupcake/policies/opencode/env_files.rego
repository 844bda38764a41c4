# METADATA
# scope: package
# title: Secrets written to .env files
# description: Blocks (after the fact) an OpenCode write or edit of a file ending in .env (OpenCode's `filePath` argument).
# custom:
#   id: SEC-002
#   severity: HIGH
#   routing:
#     required_events: ["PostToolUse"]
#     required_tools: ["Write", "Edit"]
package cupcake.policies.env_files

import rego.v1

block contains decision if {
	input.hook_event_name == "PostToolUse"
	input.tool_name in {"Write", "Edit"}
	endswith(input.tool_input.filePath, ".env")
	decision := {
		"rule_id": "SEC-002",
		"reason": "A .env file was written; it may hold secrets",
		"severity": "HIGH",
	}
}
