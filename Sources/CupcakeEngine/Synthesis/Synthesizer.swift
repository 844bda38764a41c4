/// Turns the decision sets of every layer into the one final decision.
package enum Synthesizer {
    /// Synthesizes `sets` (in layer order: global first, then project) into one decision, as
    /// upstream Cupcake does.
    ///
    /// The lists of all layers are pooled and the highest non-empty tier wins: halts, denials,
    /// blocks, asks, modifications; otherwise allow. Allow overrides cannot outrank anything
    /// and yield a plain allow. The winning tier's reasons are combined as `ReasonFormat`
    /// describes. Context strings (`add_context`) of all layers are kept in order, repeats
    /// dropped, and go only to an allow: any other verdict carries none.
    ///
    /// Modify: modifications are taken by descending `priority` (missing counts as 50, as
    /// upstream; on a tie the one from the earlier layer, then the earlier in its list, comes
    /// first) and their `updated_input` values merged with `JSONValue.merged(fillingFrom:)`, so
    /// where two change the same field the higher priority wins and objects merge recursively.
    /// Modifications without `updated_input` only contribute their reason; if none has one the
    /// updated input is an empty object.
    package static func synthesize(_ sets: [DecisionSet]) -> FinalDecision {
        synthesize(pooling: sets)
    }

    /// Whether a global layer's decisions end the evaluation before the project layer runs, as
    /// upstream's global precedence has it: a global halt, denial or block cannot be outranked by
    /// anything a project decides (those are the three highest tiers), so the project layer's
    /// policies, signals and actions are not run; a global ask, modification or allow leaves the
    /// project layer to be evaluated and synthesized with it.
    package static func globalDecides(_ global: DecisionSet) -> Bool {
        !global.halts.isEmpty || !global.denials.isEmpty || !global.blocks.isEmpty
    }

    private static func synthesize(pooling sets: [DecisionSet]) -> FinalDecision {
        var pooled = DecisionSet()
        for set in sets {
            pooled.halts += set.halts
            pooled.denials += set.denials
            pooled.blocks += set.blocks
            pooled.asks += set.asks
            pooled.modifications += set.modifications
            pooled.allowOverrides += set.allowOverrides
            pooled.addContext += set.addContext
        }
        let context = uniqueInOrder(pooled.addContext)

        if !pooled.halts.isEmpty { return .halt(verdict(pooled.halts, context: [])) }
        if !pooled.denials.isEmpty { return .deny(verdict(pooled.denials, context: [])) }
        if !pooled.blocks.isEmpty { return .block(verdict(pooled.blocks, context: [])) }
        if !pooled.asks.isEmpty { return .ask(verdict(pooled.asks, context: [])) }
        if !pooled.modifications.isEmpty {
            let ranked = rankedModifications(pooled.modifications)
            let verdict = Verdict(
                reason: ReasonFormat.modificationMessage(for: ranked), ruleIDs: uniqueInOrder(ranked.map(\.ruleID)),
                decisions: ranked, context: [])
            return .modify(verdict, updatedInput: mergedInput(ranked))
        }
        return .allow(context: context)
    }

    /// Synthesizes a single layer's set.
    package static func synthesize(_ set: DecisionSet) -> FinalDecision {
        synthesize([set])
    }

    static func verdict(_ decisions: [Decision], context: [String]) -> Verdict {
        let ordered = ReasonFormat.order(decisions)
        return Verdict(
            reason: ReasonFormat.message(for: ordered),
            ruleIDs: uniqueInOrder(ordered.map(\.ruleID)),
            decisions: ordered,
            context: context)
    }

    /// Upstream's default priority of a modification that names none.
    static let defaultModificationPriority = 50

    /// Modifications by descending priority, ties in their order, exact duplicates once.
    static func rankedModifications(_ modifications: [Decision]) -> [Decision] {
        ReasonFormat.order(modifications).enumerated().sorted { left, right in
            let a = left.element.priority ?? defaultModificationPriority
            let b = right.element.priority ?? defaultModificationPriority
            return a != b ? a > b : left.offset < right.offset
        }.map(\.element)
    }

    /// The merge of ranked modifications' inputs, the earlier winning where two change a field.
    static func mergedInput(_ ranked: [Decision]) -> JSONValue {
        var result: JSONValue?
        for modification in ranked {
            guard let input = modification.updatedInput else { continue }
            result = result.map { $0.merged(fillingFrom: input) } ?? input
        }
        return result ?? .object([:])
    }

    static func uniqueInOrder(_ items: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for item in items where seen.insert(item).inserted {
            result.append(item)
        }
        return result
    }
}
