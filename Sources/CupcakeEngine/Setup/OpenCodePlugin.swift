/// The OpenCode plugin `cupcake init --harness opencode` writes: OpenCode has no command hooks,
/// so a plugin runs `cupcake eval --harness opencode` before each tool call and throws to stop
/// the call when the answer is deny, block or ask (OpenCode has no approval prompt for plugins).
enum OpenCodePlugin {
    /// The plugin's source; `command` is cupcake's binary (a PATH name or an absolute path) and
    /// `policyDirectory` the policy directory (relative to the project, or absolute).
    static func source(binary: String, policyDirectory: String) -> String {
        """
        // Cupcake for OpenCode, written by `cupcake init --harness opencode`.
        // Before each tool call: the event goes to `cupcake eval` on stdin; its answer
        // {"decision": "allow"|"deny"|"block"|"ask", "reason"?, "context"?} decides the call.
        // An error running cupcake stops the call (fail closed), with the reason.
        import { spawnSync } from "node:child_process";
        import { join, isAbsolute } from "node:path";

        const CUPCAKE = \(JSONValue.string(binary).jsonString);
        const POLICY_DIR = \(JSONValue.string(policyDirectory).jsonString);

        function evaluate(directory, event) {
          const policyDir = isAbsolute(POLICY_DIR) ? POLICY_DIR : join(directory, POLICY_DIR);
          const run = spawnSync(CUPCAKE, ["eval", "--harness", "opencode", "--policy-dir", policyDir], {
            cwd: directory, input: JSON.stringify(event), encoding: "utf8", timeout: 30000,
          });
          if (run.error) throw new Error(`cupcake could not run: ${run.error.message}`);
          if (run.status !== 0) throw new Error(`cupcake exited ${run.status}: ${(run.stderr || "").trim()}`);
          const text = (run.stdout || "").trim();
          return text === "" || text === "{}" ? { decision: "allow" } : JSON.parse(text);
        }

        export const CupcakePlugin = async ({ directory }) => ({
          "tool.execute.before": async (input, output) => {
            const event = {
              hook_event_name: "PreToolUse", session_id: input.sessionID, cwd: directory,
              tool: input.tool, args: output.args,
            };
            const answer = evaluate(directory, event);
            if (answer.decision === "deny" || answer.decision === "block") {
              throw new Error(answer.reason || "Blocked by Cupcake policy");
            }
            if (answer.decision === "ask") {
              throw new Error(`Approval required: ${answer.reason || "Cupcake policy"}`);
            }
          },
        });

        """
    }
}
