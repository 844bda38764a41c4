# METADATA
# scope: package
# title: Test reminder
# description: Adds a reminder to run the tests to every submitted prompt (Cursor cannot inject it; the prompt goes on).
# custom:
#   id: CTX-001
#   severity: LOW
#   routing:
#     required_events: ["beforeSubmitPrompt"]
#     required_tools: []
package cupcake.policies.test_reminder

import rego.v1

add_context contains "Reminder: run the test suite (make test) before you commit changes." if {
	input.hook_event_name == "beforeSubmitPrompt"
}
