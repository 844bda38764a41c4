# METADATA
# scope: package
# title: Hex-encoded commands (Cursor)
# description: Denies a Cursor shell command that is the hex encoding of a command containing `rm -rf`.
# custom:
#   id: ADV-DECODE-001
#   severity: HIGH
#   routing:
#     required_events: ["beforeShellExecution"]
#     required_tools: []
package cupcake.policies.decoder

import rego.v1

# hex.decode is a host builtin; on a command that is not hex it fails, the call is undefined
# and this rule simply does not hold: the other policies still decide.
deny contains decision if {
	input.hook_event_name == "beforeShellExecution"
	contains(hex.decode(input.command), "rm -rf")
	decision := {"rule_id": "ADV-DECODE-001", "reason": "Hex-encoded destructive command", "severity": "HIGH"}
}
