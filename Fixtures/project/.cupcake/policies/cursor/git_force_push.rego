# METADATA
# scope: package
# title: Force pushes
# description: Asks before a Cursor shell command runs `git push --force` or `git push -f`.
# custom:
#   id: GIT-001
#   severity: MEDIUM
#   routing:
#     required_events: ["beforeShellExecution"]
#     required_tools: []
package cupcake.policies.git_force_push

import rego.v1

ask contains decision if {
	input.hook_event_name == "beforeShellExecution"
	force_push(input.command)
	decision := {
		"rule_id": "GIT-001",
		"reason": "Force push can overwrite remote history",
		"severity": "MEDIUM",
	}
}

force_push(command) if contains(command, "git push --force")

force_push(command) if contains(command, "git push -f")
