import CupcakeTrace
import Foundation

/// The text `cupcake verify` prints: what the engine loads for a harness.
package enum EngineReport {
    package static func make(configuration: EngineConfiguration) throws(EngineError) -> String {
        let project = try PolicyLayer(name: "project", directory: configuration.policyDirectory, configuration: configuration, tracer: .disabled)
        var lines: [String] = []
        lines.append("harness: \(configuration.harness.rawValue)")
        lines.append("policy directory: \(configuration.policyDirectory)")
        describe(project, into: &lines)
        if let directory = configuration.globalDirectory {
            let global = try PolicyLayer(name: "global", directory: directory, configuration: configuration, tracer: .disabled)
            lines.append("")
            lines.append("global directory: \(directory) (evaluated first; its halt, deny and block answer alone)")
            describe(global, into: &lines)
        } else {
            lines.append("")
            lines.append("global directory: none")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ layer: PolicyLayer, into lines: inout [String]) {
        if let origin = layer.bundleOrigin, let runtime = layer.runtime {
            let size = (try? FileManager.default.attributesOfItem(atPath: origin)[.size] as? Int) ?? nil
            lines.append("bundle: \(origin)\(size.map { " (\($0) bytes)" } ?? "")")
            lines.append("  module: \(layer.moduleSize) bytes, OPA ABI \(runtime.abiVersion.major).\(runtime.abiVersion.minor), \(runtime.loadStats.cacheHit ? "from cache" : "compiled")")
            lines.append("  entrypoints: \(layer.entrypoints.joined(separator: ", "))")
            switch layer.plan {
            case .aggregate(let entrypoint):
                lines.append("  evaluation: every policy through \(entrypoint) (\(layer.planReason))")
            case .routed:
                lines.append("  evaluation: routed packages only, aggregated by the host (\(layer.planReason))")
            }
            lines.append("  builtins: \(runtime.builtins.isEmpty ? "none" : runtime.builtins.joined(separator: ", "))")
        } else {
            lines.append("bundle: none (no policies for this harness)")
        }
        let settings = layer.rulebook.builtins
        lines.append(settings.enabled.isEmpty ? "rulebook builtins: none" : "rulebook builtins:")
        for builtin in settings.enabled {
            let note = settings.adopted.contains(builtin.name) ? " (upstream's Rego for it is present; evaluated natively with its defaults)" : ""
            lines.append("  \(builtin.name)\(note)")
        }
        lines.append("routing:")
        for key in layer.routing.keys {
            let (event, tool) = splitKey(key)
            let names = layer.routing.match(event: event, tool: tool).map(\.packageName)
            lines.append("  \(key) -> \(names.joined(separator: ", "))")
        }
        lines.append("policies:")
        for policy in layer.policies {
            lines.append("  \(policy.packageName) (\(policy.path))")
            lines.append("    id: \(policy.id ?? "-"), severity: \(policy.severity ?? "-")\(policy.title.map { ", title: \($0)" } ?? "")")
            if let routing = policy.routing {
                lines.append("    events: \(routing.requiredEvents.joined(separator: ", "))")
                lines.append("    tools: \(routing.requiredTools.isEmpty ? "(all)" : routing.requiredTools.joined(separator: ", "))")
                if !routing.requiredSignals.isEmpty {
                    lines.append("    signals: \(routing.requiredSignals.joined(separator: ", "))")
                }
            }
        }
        lines.append("signals:")
        for (name, signal) in layer.rulebook.signals.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(name): \(signal.command) (timeout \(signal.timeoutSeconds) s)")
        }
        for warning in layer.warnings { lines.append("warning: \(warning)") }
    }

    static func splitKey(_ key: String) -> (String, String?) {
        guard let colon = key.firstIndex(of: ":") else { return (key, nil) }
        return (String(key[..<colon]), String(key[key.index(after: colon)...]))
    }
}
