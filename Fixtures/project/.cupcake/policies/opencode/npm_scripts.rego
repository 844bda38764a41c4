# METADATA
# scope: package
# title: npm install scripts
# description: Rewrites `npm install` to run with --ignore-scripts.
# custom:
#   id: NPM-001
#   severity: LOW
#   routing:
#     required_events: ["PreToolUse"]
#     required_tools: ["Bash"]
package cupcake.policies.npm_scripts

import rego.v1

modify contains decision if {
	input.hook_event_name == "PreToolUse"
	input.tool_name == "Bash"
	command := input.tool_input.command
	contains(command, "npm install")
	not contains(command, "--ignore-scripts")
	decision := {
		"rule_id": "NPM-001",
		"reason": "npm install runs package scripts; adding --ignore-scripts",
		"severity": "LOW",
		"priority": 50,
		"updated_input": object.union(input.tool_input, {"command": concat("", [command, " --ignore-scripts"])}),
	}
}
