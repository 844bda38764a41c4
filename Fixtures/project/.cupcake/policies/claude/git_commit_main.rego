# METADATA
# scope: package
# title: Commits on main
# description: Asks before a git commit while the checked-out branch is main (signal git_branch).
# custom:
#   id: GIT-002
#   severity: HIGH
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
#     required_signals: ["git_branch"]
package cupcake.policies.git_commit_main

import rego.v1

ask contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	contains(input.tool_input.command, "git commit")
	input.signals.git_branch == "main"
	decision := {
		"rule_id": "GIT-002",
		"reason": "Committing directly to main",
		"severity": "HIGH",
	}
}
