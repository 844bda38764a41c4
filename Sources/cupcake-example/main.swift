// The README's library example, verbatim between the markers; Tests/CLITests/ReadmeExampleTests
// checks that the README still shows exactly this code, and runs it.
// README example begin
import CupcakeEngine
import CupcakeTrace

// Policies from .cupcake/ (compiled by `opa` on first use, or its prebuilt bundle). With
// CUPCAKE_TRACE=eval in the environment, each evaluation's spans go to stderr as JSON lines.
let engine = try Engine(configuration: EngineConfiguration(policyDirectory: ".cupcake", harness: .claude))
let event = #"""
    {"hook_event_name": "PreToolUse", "session_id": "s-1", "transcript_path": "/tmp/s-1.jsonl",
     "cwd": "/tmp", "tool_name": "Bash", "tool_input": {"command": "rm -rf /"}}
    """#
let result = try await engine.evaluate(eventJSON: Array(event.utf8))
print(result.decision.name)                 // "deny"
print(result.decision.verdict?.reason ?? "")  // the policy's reason
print(result.response.stdoutText)           // what Claude Code reads on the hook's stdout
engine.tracer.flush()                       // trace lines still queued for stderr
// README example end
