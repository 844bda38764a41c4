import CupcakeTestSupport
import Foundation
import Testing

/// One fixture event and the exact answer `cupcake eval` must print for it on the demo project.
struct HarnessCase: Sendable, CustomStringConvertible {
    let harness: String
    /// File stem under Fixtures/events/<harness>/.
    let file: String
    /// The whole expected stdout, as JSON (compared as parsed JSON, not as text).
    let answer: String
    let status: Int32

    init(_ harness: String, _ file: String, _ answer: String, status: Int32 = 0) {
        self.harness = harness
        self.file = file
        self.answer = answer
        self.status = status
    }

    var description: String { "\(harness)/\(file)" }
}

/// Every fixture event of every harness with its verdict (Fixtures/events/<harness>/EXPECTED.md says why).
enum HarnessCases {
    static let denyRmRf = #""permissionDecision":"deny","permissionDecisionReason":"Dangerous command blocked: rm -rf /""#
    static let pre = #""hookEventName":"PreToolUse""#
    static let npmReason = "npm install runs package scripts; adding --ignore-scripts"
    static let reminder = "Reminder: run the test suite (make test) before you commit changes."

    static let claude: [HarnessCase] = [
        HarnessCase("claude", "pretooluse-bash-rm-rf", #"{"hookSpecificOutput":{\#(pre),\#(denyRmRf)}}"#),
        HarnessCase("claude", "pretooluse-bash-git-push-force",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"ask","permissionDecisionReason":"Force push can overwrite remote history"}}"#),
        HarnessCase("claude", "pretooluse-bash-ls", "{}"),
        HarnessCase("claude", "pretooluse-bash-npm-install",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"allow","permissionDecisionReason":"\#(npmReason)","updatedInput":{"command":"npm install left-pad --ignore-scripts","description":"Install left-pad","timeout":120000}}}"#),
        HarnessCase("claude", "pretooluse-write-etc",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"deny","permissionDecisionReason":"System file modification blocked: /etc/hosts"}}"#),
        HarnessCase("claude", "pretooluse-bash-aws-key",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"deny","permissionDecisionReason":"Possible AWS access key in tool input"}}"#),
        HarnessCase("claude", "pretooluse-bash-forkbomb",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"deny","permissionDecisionReason":"Fork bomb detected"}}"#),
        HarnessCase("claude", "pretooluse-read", "{}"),
        HarnessCase("claude", "posttooluse-write-env", #"{"decision":"block","reason":"A .env file was written; it may hold secrets"}"#),
        HarnessCase("claude", "userpromptsubmit",
                    #"{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"\#(reminder)"}}"#),
        HarnessCase("claude", "sessionstart", "{}"),
        HarnessCase("claude", "stop", "{}"),
        HarnessCase("claude", "notification", "{}"),
        HarnessCase("claude", "precompact", "{}"),
        HarnessCase("claude", "sessionend", "{}"),
        // pretooluse-bash-git-commit is left out: its verdict depends on the checkout's branch (signal git_branch).
    ]

    static func cursorPermission(_ permission: String, _ reason: String) -> String {
        let question = permission == "ask" ? #","question":"\#(reason)""# : ""
        return #"{"permission":"\#(permission)","user_message":"\#(reason)","agent_message":"\#(reason)"\#(question)}"#
    }

    static let cursor: [HarnessCase] = [
        HarnessCase("cursor", "before-shell-execution-rm-rf", cursorPermission("deny", "Dangerous command blocked: rm -rf /")),
        HarnessCase("cursor", "before-shell-execution-ls", #"{"permission":"allow"}"#),
        HarnessCase("cursor", "before-shell-execution-git-push-force", cursorPermission("ask", "Force push can overwrite remote history")),
        HarnessCase("cursor", "before-shell-execution-forkbomb", cursorPermission("deny", "Fork bomb detected")),
        HarnessCase("cursor", "before-read-file-env", #"{"permission":"deny"}"#),
        HarnessCase("cursor", "before-read-file-source", #"{"permission":"allow"}"#),
        HarnessCase("cursor", "before-mcp-execution", cursorPermission("ask", "Destructive SQL through an MCP tool needs approval")),
        HarnessCase("cursor", "before-mcp-execution-object-input",
                    cursorPermission("ask", "Destructive SQL through an MCP tool needs approval")),
        HarnessCase("cursor", "before-mcp-execution-select", #"{"permission":"allow"}"#),
        HarnessCase("cursor", "before-mcp-execution-other-tool", #"{"permission":"allow"}"#),
        HarnessCase("cursor", "before-submit-prompt", #"{"continue":true}"#),
        HarnessCase("cursor", "before-submit-prompt-aws-key",
                    #"{"continue":false,"user_message":"Possible AWS access key in the prompt"}"#),
        HarnessCase("cursor", "stop", "{}"),
        HarnessCase("cursor", "stop-error", #"{"followup_message":"The agent stopped on an error: find its cause and fix it"}"#),
        HarnessCase("cursor", "after-file-edit", "{}"),
    ]

    static let factory: [HarnessCase] = [
        HarnessCase("factory", "pretooluse-execute-rm-rf", #"{"hookSpecificOutput":{\#(pre),\#(denyRmRf)}}"#),
        HarnessCase("factory", "pretooluse-execute-git-push-force",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"ask","permissionDecisionReason":"Force push can overwrite remote history"}}"#),
        HarnessCase("factory", "pretooluse-execute-npm-install",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"allow","permissionDecisionReason":"\#(npmReason)","updatedInput":{"command":"npm install express --ignore-scripts","riskLevel":"low"}}}"#),
        HarnessCase("factory", "pretooluse-bash-camelcase",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"allow","permissionDecisionReason":"\#(npmReason)","updatedInput":{"command":"npm install left-pad --ignore-scripts"}}}"#),
        HarnessCase("factory", "pretooluse-execute-forkbomb",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"deny","permissionDecisionReason":"Fork bomb detected"}}"#),
        HarnessCase("factory", "pretooluse-create-etc",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"deny","permissionDecisionReason":"System file modification blocked: /etc/cron.d/backup"}}"#),
        HarnessCase("factory", "pretooluse-edit-aws-key",
                    #"{"hookSpecificOutput":{\#(pre),"permissionDecision":"deny","permissionDecisionReason":"Possible AWS access key in tool input"}}"#),
        HarnessCase("factory", "pretooluse-read", "{}"),
        HarnessCase("factory", "posttooluse-create-env", #"{"decision":"block","reason":"A .env file was written; it may hold secrets"}"#),
        HarnessCase("factory", "userpromptsubmit",
                    #"{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"\#(reminder)"}}"#),
        HarnessCase("factory", "sessionstart", "{}"),
        HarnessCase("factory", "stop", "{}"),
    ]

    static let opencode: [HarnessCase] = [
        HarnessCase("opencode", "pretooluse-bash-rm-rf", #"{"decision":"deny","reason":"Dangerous command blocked: rm -rf /"}"#),
        HarnessCase("opencode", "pretooluse-bash-git-push-force", #"{"decision":"ask","reason":"Force push can overwrite remote history"}"#),
        HarnessCase("opencode", "pretooluse-bash-npm-install", #"{"decision":"allow","context":["\#(npmReason)"]}"#),
        HarnessCase("opencode", "pretooluse-bash-forkbomb", #"{"decision":"block","reason":"Fork bomb detected"}"#),
        HarnessCase("opencode", "pretooluse-write-etc", #"{"decision":"deny","reason":"System file modification blocked: /etc/hosts"}"#),
        HarnessCase("opencode", "pretooluse-webfetch-aws-key", #"{"decision":"deny","reason":"Possible AWS access key in tool input"}"#),
        HarnessCase("opencode", "pretooluse-edit", #"{"decision":"allow"}"#),
        HarnessCase("opencode", "pretooluse-read", #"{"decision":"allow"}"#),
        HarnessCase("opencode", "posttooluse-write-env", #"{"decision":"block","reason":"A .env file was written; it may hold secrets"}"#),
        HarnessCase("opencode", "posttooluse-bash", #"{"decision":"allow"}"#),
    ]

    static let all = claude + cursor + factory + opencode

    /// Each harness's answer to its tool-call events when nothing objects.
    static let allowAnswer = [
        "claude": "{}", "cursor": #"{"permission":"allow"}"#, "factory": "{}", "opencode": #"{"decision":"allow"}"#,
    ]
}

/// Canonical text of a JSON document: keys sorted, no whitespace; booleans stay distinct from numbers.
func canonicalJSON(_ text: String) throws -> String {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    return String(decoding: data, as: UTF8.self)
}

/// Every harness, end to end through the built CLI: real event shapes in, the harness's exact answer out.
@Suite("every harness end to end")
struct HarnessEndToEndTests {
    @Test("each fixture event gives its exact answer and exit code", arguments: HarnessCases.all)
    func exactAnswer(_ testCase: HarnessCase) throws {
        let result = try CLI.eval(try CLI.event(testCase.file, harness: testCase.harness), harness: testCase.harness)
        #expect(result.status == testCase.status, "stderr: \(result.stderr)")
        #expect(try canonicalJSON(result.stdout) == canonicalJSON(testCase.answer), "\(testCase)")
    }

    @Test("the table covers at least 25 events and every harness with at least 5")
    func coverage() {
        #expect(HarnessCases.all.count >= 25)
        for harness in ["claude", "cursor", "factory", "opencode"] {
            #expect(HarnessCases.all.filter { $0.harness == harness }.count >= 5, "\(harness)")
        }
    }

    @Test("every event file of every harness has an expected answer", arguments: ["claude", "cursor", "factory", "opencode"])
    func everyFileCovered(_ harness: String) throws {
        let directory = CLI.root.appendingPathComponent("Fixtures/events/\(harness)").path
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }
        let covered = Set(HarnessCases.all.filter { $0.harness == harness }.map(\.file))
        let signalDependent: Set<String> = ["pretooluse-bash-git-commit"]
        for file in files where !covered.contains(file) && !signalDependent.contains(file) {
            Issue.record("Fixtures/events/\(harness)/\(file).json has no expected answer in HarnessCases")
        }
        for file in covered where !files.contains(file) {
            Issue.record("HarnessCases names \(harness)/\(file), which has no event file")
        }
    }

    @Test(
        "events no policy routes get the harness's allow answer for that event without a WebAssembly call",
        arguments: [
            // Cursor ignores the output of after* events, so their allow is `{}`.
            ("claude", "sessionstart", "{}"), ("cursor", "after-file-edit", "{}"),
            ("cursor", "before-mcp-execution-other-tool", #"{"permission":"allow"}"#),
            ("factory", "sessionstart", "{}"), ("factory", "stop", "{}"), ("opencode", "posttooluse-bash", #"{"decision":"allow"}"#),
        ])
    func unrouted(_ testCase: (String, String, String)) throws {
        let (harness, file, allow) = testCase
        let result = try CLI.eval(try CLI.event(file, harness: harness), harness: harness, environment: ["CUPCAKE_TRACE": "eval"])
        #expect(result.status == 0)
        #expect(try canonicalJSON(result.stdout) == canonicalJSON(allow))
        let spans = result.stderrLines.compactMap { try? TraceLine($0) }
        let root = try #require(spans.first { $0.span == "evaluate" }, "no evaluate span in: \(result.stderr)")
        #expect((root["matched_policy_count"] as? NSNumber)?.intValue == 0)
        #expect(root["final_decision"] as? String == "allow")
        #expect(!spans.contains { $0.span == "wasm_eval" }, "a WebAssembly evaluation ran for an unrouted event")
    }

    @Test(
        "a project without policies for the harness answers its dangerous event with the harness's allow",
        arguments: [
            ("claude", "pretooluse-bash-rm-rf"), ("cursor", "before-shell-execution-rm-rf"),
            ("factory", "pretooluse-execute-rm-rf"), ("opencode", "pretooluse-bash-rm-rf"),
        ])
    func noPolicies(_ testCase: (String, String)) throws {
        let (harness, file) = testCase
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cupcake-empty-\(UUID().uuidString)/.cupcake").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        let result = try CLI.eval(try CLI.event(file, harness: harness), harness: harness, policyDirectory: directory)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let allow = try #require(HarnessCases.allowAnswer[harness])
        #expect(try canonicalJSON(result.stdout) == canonicalJSON(allow))
    }

    @Test(
        "an event without an event name exits 65 on every harness",
        arguments: [
            ("cursor", #"{"conversation_id":"c1","command":"rm -rf /"}"#),
            ("factory", #"{"sessionId":"s1","toolName":"Execute","toolInput":{"command":"rm -rf /"}}"#),
            ("opencode", #"{"session_id":"s1","tool":"bash","args":{"command":"rm -rf /"}}"#),
            ("cursor", #"{"hook_event_name":["beforeShellExecution"],"command":"ls"}"#),
        ])
    func missingEventName(_ testCase: (String, String)) throws {
        let result = try CLI.eval(Data(testCase.1.utf8), harness: testCase.0)
        #expect(result.status == 65)
        #expect(result.stderr.contains("hook_event_name"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("each harness's bundle carries aggregate.wasm and exactly its own policies", arguments: ["claude", "cursor", "factory", "opencode"])
    func bundleMatchesSources(_ harness: String) throws {
        let project = CLI.project
        let unpacked = FileManager.default.temporaryDirectory.appendingPathComponent("cupcake-bundle-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: unpacked) }
        let tar = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["tar", "-xzf", project + "/bundles/\(harness).tar.gz", "-C", unpacked],
            environment: [:], stdin: Data(), standardError: .pipe)
        try #require(tar.status == 0, "tar: \(tar.stderr)")
        let wasm = FileManager.default.contents(atPath: unpacked + "/policy.wasm")
        #expect(wasm != nil && wasm == FileManager.default.contents(atPath: CLI.root.appendingPathComponent("Fixtures/policies/aggregate.wasm").path))
        let sources = try FileManager.default.contentsOfDirectory(atPath: project + "/policies/\(harness)").filter { $0.hasSuffix(".rego") }.sorted()
        let members = try FileManager.default.contentsOfDirectory(atPath: unpacked + "/policies/\(harness)").sorted()
        #expect(members == sources)
        for name in sources {
            #expect(FileManager.default.contents(atPath: unpacked + "/policies/\(harness)/\(name)")
                        == FileManager.default.contents(atPath: project + "/policies/\(harness)/\(name)"), "\(harness)/\(name) is stale")
        }
    }
}
