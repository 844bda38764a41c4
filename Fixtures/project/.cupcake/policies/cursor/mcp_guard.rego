# METADATA
# scope: package
# title: Destructive SQL through MCP
# description: Asks before the database_query MCP tool runs input containing DROP TABLE (Cursor sends tool_input as JSON text; an object is searched too).
# custom:
#   id: MCP-001
#   severity: HIGH
#   routing:
#     required_events: ["beforeMCPExecution"]
#     required_tools: ["database_query"]
package cupcake.policies.mcp_guard

import rego.v1

ask contains decision if {
	input.hook_event_name == "beforeMCPExecution"
	input.tool_name == "database_query"
	walk(input.tool_input, [_, value])
	is_string(value)
	contains(value, "DROP TABLE")
	decision := {
		"rule_id": "MCP-001",
		"reason": "Destructive SQL through an MCP tool needs approval",
		"severity": "HIGH",
	}
}
