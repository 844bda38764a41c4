import Foundation
import Testing

@testable import CupcakeEngine

/// TOB-EQTY-LAB-CUPCAKE-2: the destructive command is in a script the agent runs, not in the
/// command line. Policies read `executed_script_content`.
@Suite("Attacks: script execution")
struct ScriptAttackTests {
    static let payload = "#!/bin/bash\necho 'Deploying...'\nrm -rf /important/data\necho done\n"

    @Test("every way of running a script puts its text before the policies", arguments: [
        "./deploy.sh --production", "bash deploy.sh", "sh -x deploy.sh", "zsh deploy.sh", "source deploy.sh", ". ./deploy.sh",
        "bash < deploy.sh", "sudo ./deploy.sh", "cd scripts && ./inner.sh", "bash -c './deploy.sh'", "chmod +x deploy.sh && ./deploy.sh",
        "env bash -e deploy.sh", "python3 tool.py", "node app.js",
    ])
    func scripts(command: String) async throws {
        let site = try AttackSite()
        try site.file("deploy.sh", Self.payload, mode: 0o755)
        try site.file("scripts/inner.sh", Self.payload, mode: 0o755)
        try site.file("tool.py", "import os\nos.system('rm -rf /important')\n")
        try site.file("app.js", "require('child_process').execSync('rm -rf /important')\n")
        for harness in Harness.allCases {
            let verdict = try await Adversary.evaluate(Adversary.shell(command, harness: harness, cwd: site.root), harness: harness)
            #expect(verdict.denies("ADV-SCRIPT-001"), "\(harness) \(command): \(verdict)")
            #expect(verdict.event["script_inspection_performed"] == true)
        }
    }

    @Test("a script that touches .cupcake is refused by the .cupcake policy")
    func cupcakeScript() async throws {
        let site = try AttackSite()
        try site.file("cleanup.sh", "#!/bin/sh\nmv .cupcake /tmp/x\n", mode: 0o755)
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": "./cleanup.sh"], cwd: site.root))
        #expect(verdict.denies("ADV-CUPCAKE-001"), "\(verdict)")
    }

    @Test("a script reached through a link is read from its target")
    func linkedScript() async throws {
        let site = try AttackSite()
        try site.file("hidden/real.sh", Self.payload)
        try site.link("run.sh", to: site.path("hidden/real.sh"))
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": "bash run.sh"], cwd: site.root))
        #expect(verdict.denies("ADV-SCRIPT-001"), "\(verdict)")
        #expect(verdict.event["executed_scripts"]?[0]?["resolved_path"] == .string(site.path("hidden/real.sh")))
    }

    @Test("a script longer than the limit is cut and marked, and its start is still read")
    func truncated() async throws {
        let site = try AttackSite()
        try site.file("big.sh", "rm -rf /important\n" + String(repeating: "# filler\n", count: 200_000))
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": "bash big.sh"], cwd: site.root))
        #expect(verdict.denies("ADV-SCRIPT-001"), "\(verdict)")
        #expect(verdict.event["executed_script_truncated"] == true)
        #expect(verdict.event["executed_script_content"]?.stringValue?.utf8.count == PreprocessingOptions.defaultMaxScriptBytes)
    }

    @Test("inspection switched off in rulebook.yml attaches nothing")
    func switchedOff() async throws {
        let site = try AttackSite()
        try site.file("deploy.sh", Self.payload, mode: 0o755)
        let project = site.path("project/.cupcake")
        try FileManager.default.createDirectory(atPath: site.path("project"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Adversary.project, toPath: project)
        try Data("preprocessing:\n  script_inspection: false\n".utf8).write(to: URL(fileURLWithPath: project + "/rulebook.yml"))
        let engine = try Engine(configuration: EngineConfiguration(policyDirectory: project, harness: .claude, cacheDirectory: Adversary.cache),
                                tracer: .disabled)
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": "./deploy.sh"], cwd: site.root), engine: engine)
        #expect(verdict.isAllow, "\(verdict)")
        #expect(verdict.event["executed_script_content"] == nil)
    }
}
