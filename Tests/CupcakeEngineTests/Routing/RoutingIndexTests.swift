import Testing
@testable import CupcakeEngine

@Suite("routing index")
struct RoutingIndexTests {
    private func policy(_ path: String, events: [String], tools: [String] = [], signals: [String] = []) -> PolicyInfo {
        PolicyInfo(path: path, packageName: path, routing: PolicyRouting(requiredEvents: events, requiredTools: tools, requiredSignals: signals))
    }

    private func paths(_ policies: [PolicyInfo]) -> [String] { policies.map(\.path) }

    @Test("tool-specific policies match only their tools of their events")
    func toolSpecific() {
        let index = RoutingIndex(policies: [policy("bash", events: ["PreToolUse"], tools: ["Bash"]),
                                            policy("write", events: ["PreToolUse", "PostToolUse"], tools: ["Write", "Edit"])])
        #expect(paths(index.match(event: "PreToolUse", tool: "Bash")) == ["bash"])
        #expect(paths(index.match(event: "PostToolUse", tool: "Edit")) == ["write"])
        #expect(index.match(event: "PostToolUse", tool: "Bash").isEmpty)
        #expect(index.match(event: "PreToolUse", tool: nil).isEmpty)
        #expect(index.keys == ["PostToolUse:Edit", "PostToolUse:Write", "PreToolUse:Bash", "PreToolUse:Edit", "PreToolUse:Write"])
    }

    @Test("a wildcard policy matches every tool of its events, named elsewhere or not, and tool-less events")
    func wildcard() {
        let index = RoutingIndex(policies: [policy("any", events: ["PreToolUse"], tools: ["*"]),
                                            policy("bash", events: ["PreToolUse"], tools: ["Bash"])])
        #expect(paths(index.match(event: "PreToolUse", tool: "Bash")) == ["any", "bash"])
        #expect(paths(index.match(event: "PreToolUse", tool: "NeverNamed")) == ["any"])
        #expect(paths(index.match(event: "PreToolUse", tool: nil)) == ["any"])
        #expect(index.match(event: "PostToolUse", tool: "Bash").isEmpty)
        #expect(index.keys == ["PreToolUse", "PreToolUse:Bash"])
    }

    @Test("event-only policies match every tool and no tool")
    func eventOnly() {
        let index = RoutingIndex(policies: [policy("prompt", events: ["UserPromptSubmit", "PreToolUse"])])
        #expect(paths(index.match(event: "UserPromptSubmit", tool: nil)) == ["prompt"])
        #expect(paths(index.match(event: "PreToolUse", tool: "Read")) == ["prompt"])
        #expect(index.match(event: "Stop", tool: nil).isEmpty)
    }

    @Test("several policies come back in path order, each once, however they were given")
    func orderingAndDedup() {
        let given = [policy("z", events: ["PreToolUse", "PreToolUse"], tools: ["Bash", "Bash", "*"]),
                     policy("m", events: ["PreToolUse"], tools: ["Bash"]),
                     policy("a", events: ["PreToolUse"]),
                     policy("m", events: ["PreToolUse"], tools: ["Bash"]),
                     policy("c", events: ["PreToolUse"], tools: ["Bash", "Write"])]
        let index = RoutingIndex(policies: given)
        #expect(paths(index.match(event: "PreToolUse", tool: "Bash")) == ["a", "c", "m", "z"])
        #expect(paths(index.match(event: "PreToolUse", tool: "Write")) == ["a", "c", "z"])
        #expect(paths(index.match(event: "PreToolUse", tool: "Read")) == ["a", "z"])
        #expect(paths(RoutingIndex(policies: given.reversed()).match(event: "PreToolUse", tool: "Bash")) == ["a", "c", "m", "z"])
    }

    @Test("no policies, policies without routing, empty events: nothing matches")
    func noMatch() {
        let index = RoutingIndex(policies: [PolicyInfo(path: "x", packageName: "x"), policy("e", events: [])])
        #expect(index.match(event: "PreToolUse", tool: "Bash").isEmpty)
        #expect(index.keys.isEmpty)
        #expect(RoutingIndex(policies: []).match(event: "A", tool: nil).isEmpty)
    }

    @Test("required signals: union, sorted, without repeats")
    func signals() {
        let first = policy("a", events: ["E"], signals: ["git_branch", "user"])
        let second = policy("b", events: ["E"], signals: ["user", "cwd"])
        let index = RoutingIndex(policies: [first, second])
        #expect(index.requiredSignals(for: index.match(event: "E", tool: nil)) == ["cwd", "git_branch", "user"])
        #expect(index.requiredSignals(for: []).isEmpty)
    }

    @Test("the demo project routes as its METADATA says")
    func demoProject() throws {
        let directory = try #require(ConfigTestPaths.policyDirectory)
        let index = RoutingIndex(policies: try PolicyDiscovery.discover(policyDirectory: directory, harness: "claude").policies)
        let bash = index.match(event: "PreToolUse", tool: "Bash").compactMap(\.id)
        #expect(bash.contains("BASH-001") && bash.contains("SEC-001") && bash.contains("GIT-002"))
        #expect(index.match(event: "PreToolUse", tool: "Read").compactMap(\.id).contains("SEC-001"))
        #expect(index.requiredSignals(for: index.match(event: "PreToolUse", tool: "Bash")) == ["git_branch"])
    }
}
