# METADATA
# scope: package
# title: Destructive scripts (Cursor)
# description: Denies Cursor shell commands that run a script (bash x.sh, ./x.sh, source x.sh) whose text contains `rm -rf`.
# custom:
#   id: ADV-SCRIPT-001
#   severity: HIGH
#   routing:
#     required_events: ["beforeShellExecution"]
#     required_tools: []
package cupcake.policies.script_guard

import rego.v1

deny contains decision if {
	input.hook_event_name == "beforeShellExecution"
	contains(input.executed_script_content, "rm -rf")
	decision := {"rule_id": "ADV-SCRIPT-001", "reason": "Script contains a destructive command", "severity": "HIGH"}
}
