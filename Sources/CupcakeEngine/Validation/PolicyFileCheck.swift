/// The checks of one .rego file of a harness: its package and METADATA routing (events, tools,
/// signals against what the harness sends and the rulebook defines) and its decision rules.
struct PolicyFileCheck {
    let harness: Harness
    /// The signals the rulebook defines; nil when the rulebook could not be loaded (reported on its own).
    let signals: Set<String>?

    func findings(path: String, source: String) -> [ValidationFinding] {
        let located: LocatedMetadata
        do {
            located = try PolicyDiscovery.parseLocatedMetadata(source: source, path: path)
        } catch {
            return [Self.finding(for: error)]
        }
        var findings: [ValidationFinding] = []
        let scanned = RegoTokens(source)
        if let scanned {
            findings += DecisionRuleCheck.findings(in: scanned, file: path)
        } else {
            findings.append(ValidationFinding(.warning, .regoUnreadable, file: path, line: nil,
                "cannot be read as Rego tokens (an unterminated string, or a character outside strings and comments);"
                    + " its decision rules were not checked"))
        }
        // upstream's builtin Rego is not routed: the native builtin of the same name decides.
        guard PolicyLayer.upstreamBuiltin(located.info) == nil else { return findings }
        guard let routing = located.info.routing else {
            let decides = scanned.map(Self.hasVerbRule) ?? true
            let line = located.block?.markerLine ?? located.packageLine
            findings.append(ValidationFinding(decides ? .error : .warning, .metadataMissing, file: path, line: line,
                "no custom.routing in a # METADATA block, so the engine skips this file"
                    + (decides ? " and its decision rules never run" : " (fine for a library of helper rules)")))
            return findings
        }
        findings += routingFindings(routing, located, path: path)
        return findings
    }

    private func routingFindings(_ routing: PolicyRouting, _ located: LocatedMetadata, path: String) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        let key = "custom.routing."
        guard !routing.requiredEvents.isEmpty else {
            return [ValidationFinding(.error, .routesNothing, file: path, line: located.line(of: key + "required_events"),
                                      "custom.routing.required_events is empty, so the policy never runs")]
        }
        let events = HarnessVocabulary.events(of: harness)
        let toolEvents = HarnessVocabulary.toolEvents(of: harness)
        let specificTools = !routing.requiredTools.isEmpty && !routing.requiredTools.contains("*")
        var toolless: [(event: String, line: Int)] = []
        for (position, event) in routing.requiredEvents.enumerated() {
            let line = located.line(of: key + "required_events[\(position)]")
            if !events.contains(event) {
                findings.append(ValidationFinding(.error, .unknownEvent, file: path, line: line,
                    "\(NameSuggestion.shown(event)) is not an event the \(harness.rawValue) harness sends"
                        + "\(NameSuggestion.hint(for: event, in: events)); it sends \(events.joined(separator: ", "))"))
            } else if specificTools && !toolEvents.contains(event) {
                toolless.append((event, line))
            }
        }
        // A known event without a tool cannot match listed tools; the policy never runs if no event can.
        let live = routing.requiredEvents.contains { events.contains($0) && (!specificTools || toolEvents.contains($0)) }
        for (event, line) in toolless {
            findings.append(ValidationFinding(live ? .warning : .error, .routesNothing, file: path, line: line,
                "\(event) carries no tool name, so required_tools never match it"
                    + (live ? "; the policy runs only for the other events" : " and the policy never runs")
                    + " (leave required_tools empty or [\"*\"] for every tool)"))
        }
        for (position, tool) in routing.requiredTools.enumerated() where !HarnessVocabulary.isKnownTool(tool, harness: harness) {
            let known = HarnessVocabulary.tools(of: harness).map { $0.sorted() } ?? []
            findings.append(ValidationFinding(.warning, .unknownTool, file: path, line: located.line(of: key + "required_tools[\(position)]"),
                "\(NameSuggestion.shown(tool)) is not a tool of the \(harness.rawValue) harness\(NameSuggestion.hint(for: tool, in: known));"
                    + " fine if the agent has such a tool (MCP tools are named mcp__<server>__<tool>)"))
        }
        if let signals {
            for (position, signal) in routing.requiredSignals.enumerated() where !signals.contains(signal) {
                findings.append(ValidationFinding(.error, .undefinedSignal, file: path, line: located.line(of: key + "required_signals[\(position)]"),
                    "signal \(NameSuggestion.shown(signal)) is not defined\(NameSuggestion.hint(for: signal, in: signals.sorted()));"
                        + " define it under signals: in rulebook.yml, or as an executable signals/\(signal) file"))
            }
        }
        return findings
    }

    /// Whether the file has a rule named after a decision verb.
    private static func hasVerbRule(_ scanned: RegoTokens) -> Bool {
        scanned.tokens.enumerated().contains { index, token in
            guard case .identifier(let name) = token, DecisionRuleCheck.verbs.contains(name) else { return false }
            return index == 0 || scanned.lines[index - 1] != scanned.lines[index]
        }
    }

    /// A discovery error as a finding.
    static func finding(for error: PolicyError) -> ValidationFinding {
        switch error {
        case .malformedMetadata(let path, let line, _, let message):
            return ValidationFinding(.error, .metadataMalformed, file: path, line: line,
                                     "METADATA: \(message); the engine refuses to load the policies until it is fixed")
        case .missingPackage(let path):
            return ValidationFinding(.error, .packageMissing, file: path, line: nil,
                                     "no 'package' declaration; the engine refuses to load the policies until it has one")
        case .unreadable(let path, let reason):
            return ValidationFinding(.error, .fileUnreadable, file: path, line: nil, reason)
        case .tooDeep(let path, _), .tooManyFiles(let path, _):
            return ValidationFinding(.error, .fileUnreadable, file: path, line: nil,
                                     String(error.description.dropFirst(path.count + 2)))
        }
    }
}
