# METADATA
# scope: package
# title: Force pushes
# description: Asks before `git push --force` or `git push -f` in a shell command (Execute or Bash).
# custom:
#   id: GIT-001
#   severity: MEDIUM
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Execute", "Bash"]
package cupcake.policies.git_force_push

import rego.v1

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name in {"Execute", "Bash"}
	force_push(input.tool_input.command)
	decision := {
		"rule_id": "GIT-001",
		"reason": "Force push can overwrite remote history",
		"severity": "MEDIUM",
	}
}

force_push(command) if contains(command, "git push --force")

force_push(command) if contains(command, "git push -f")
