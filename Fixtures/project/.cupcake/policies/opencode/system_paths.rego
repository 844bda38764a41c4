# METADATA
# scope: package
# title: System files
# description: Denies an OpenCode edit or write of files under /etc/ (OpenCode's `filePath` argument).
# custom:
#   id: FS-001
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Edit", "Write"]
package cupcake.policies.system_paths

import rego.v1

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Edit", "Write"}
	startswith(input.tool_input.filePath, "/etc/")
	decision := {
		"rule_id": "FS-001",
		"reason": concat("", ["System file modification blocked: ", input.tool_input.filePath]),
		"severity": "HIGH",
	}
}
