# METADATA
# scope: package
# title: System files
# description: Denies a Create, Edit or Write of files under /etc/.
# custom:
#   id: FS-001
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Create", "Edit", "Write"]
package cupcake.policies.system_paths

import rego.v1

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Create", "Edit", "Write"}
	startswith(input.tool_input.file_path, "/etc/")
	decision := {
		"rule_id": "FS-001",
		"reason": concat("", ["System file modification blocked: ", input.tool_input.file_path]),
		"severity": "HIGH",
	}
}
