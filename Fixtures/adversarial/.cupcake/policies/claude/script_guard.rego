# METADATA
# scope: package
# title: Destructive scripts (Claude Code)
# description: Denies shell commands that run a script (bash x.sh, ./x.sh, source x.sh) whose text contains `rm -rf`.
# custom:
#   id: ADV-SCRIPT-001
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.script_guard

import rego.v1

deny contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	contains(input.executed_script_content, "rm -rf")
	decision := {"rule_id": "ADV-SCRIPT-001", "reason": "Script contains a destructive command", "severity": "HIGH"}
}
