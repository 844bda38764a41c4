import CupcakeEngine

/// How `cupcake inspect` prints inventories: readable text, aligned tables, or one JSON object.
enum InspectOutput {
    static func text(_ inventories: [PolicyInventory], policyDirectory: String) -> String {
        var lines = ["policy directory: \(policyDirectory)"]
        if inventories.isEmpty { lines.append("no policies/<harness>/ directory") }
        for inventory in inventories {
            lines.append("")
            lines.append("\(inventory.harness.rawValue):")
            if let bundle = inventory.bundle {
                lines.append("  bundle: \(bundle.path) (policy.wasm \(bundle.moduleBytes) bytes)")
                lines.append("    entrypoints: \(bundle.entrypoints.joined(separator: ", "))")
                lines.append("    evaluation: \(bundle.evaluation) (\(bundle.evaluationReason))")
                lines.append("    opa builtins: \(listed(bundle.opaBuiltins, empty: "none"))")
            } else {
                lines.append("  bundle: none (\(inventory.bundleProblem ?? "no policies"))")
            }
            lines.append("  builtins: \(listed(inventory.builtins, empty: "none"))")
            lines.append("  signals: \(listed(inventory.signals, empty: "none"))")
            lines.append("  policies (\(inventory.policies.count)):")
            for policy in inventory.policies {
                let routing = policy.routing ?? PolicyRouting(requiredEvents: [])
                lines.append("    \(policy.id ?? "-") \(policy.packageName)\(policy.title.map { ": \($0)" } ?? "")")
                lines.append("      file: \(policy.path)")
                lines.append("      events: \(listed(routing.requiredEvents, empty: "-"))")
                lines.append("      tools: \(listed(routing.requiredTools, empty: "(all)"))")
                lines.append("      signals: \(listed(routing.requiredSignals, empty: "-"))")
            }
            for warning in inventory.warnings { lines.append("  warning: \(warning)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A policies table, then a table of each harness's builtins and bundle.
    static func table(_ inventories: [PolicyInventory]) -> String {
        var policies = [["HARNESS", "ID", "PACKAGE", "EVENTS", "TOOLS", "SIGNALS", "FILE"]]
        var harnesses = [["HARNESS", "BUILTINS", "SIGNALS", "BUNDLE", "ENTRYPOINTS"]]
        for inventory in inventories {
            let harness = inventory.harness.rawValue
            for policy in inventory.policies {
                let routing = policy.routing ?? PolicyRouting(requiredEvents: [])
                policies.append([harness, policy.id ?? "-", policy.packageName, listed(routing.requiredEvents, empty: "-"),
                                 listed(routing.requiredTools, empty: "(all)"), listed(routing.requiredSignals, empty: "-"), policy.path])
            }
            harnesses.append([harness, listed(inventory.builtins, empty: "-"), listed(inventory.signals, empty: "-"),
                              inventory.bundle?.path ?? "none", listed(inventory.bundle?.entrypoints ?? [], empty: "-")])
        }
        return aligned(policies) + "\n" + aligned(harnesses)
    }

    /// The documented object (see `InspectCommand.help`), on one line.
    static func json(_ inventories: [PolicyInventory], policyDirectory: String) -> String {
        func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
        func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let harnesses: [JSONValue] = inventories.map { inventory in
            let policies: [JSONValue] = inventory.policies.map { policy in
                let routing = policy.routing ?? PolicyRouting(requiredEvents: [])
                return [
                    "path": .string(policy.path), "package": .string(policy.packageName), "id": optional(policy.id),
                    "title": optional(policy.title), "severity": optional(policy.severity),
                    "events": strings(routing.requiredEvents), "tools": strings(routing.requiredTools),
                    "signals": strings(routing.requiredSignals),
                ]
            }
            let bundle: JSONValue = inventory.bundle.map { bundle in
                [
                    "path": .string(bundle.path), "module_bytes": .int(Int64(bundle.moduleBytes)),
                    "entrypoints": strings(bundle.entrypoints), "opa_builtins": strings(bundle.opaBuiltins),
                    "evaluation": .string(bundle.evaluation), "evaluation_reason": .string(bundle.evaluationReason),
                ]
            } ?? .null
            return [
                "harness": .string(inventory.harness.rawValue), "policies": .array(policies),
                "builtins": strings(inventory.builtins), "signals": strings(inventory.signals), "bundle": bundle,
                "bundle_problem": optional(inventory.bundleProblem), "warnings": strings(inventory.warnings),
            ]
        }
        let object: JSONValue = ["version": 1, "policy_directory": .string(policyDirectory), "harnesses": .array(harnesses)]
        return object.jsonString + "\n"
    }

    private static func listed(_ values: [String], empty: String) -> String {
        values.isEmpty ? empty : values.joined(separator: ", ")
    }

    /// Rows as columns padded to their widest cell, two spaces apart.
    static func aligned(_ rows: [[String]]) -> String {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
