/// Everything the policies of one layer (global or project) decided about one event: the
/// result of the aggregating entrypoint `cupcake.system.evaluate`.
package struct DecisionSet: Sendable, Equatable {
    /// Stop the agent entirely (`halts`).
    package var halts: [Decision]
    /// Refuse the action (`denials`).
    package var denials: [Decision]
    /// Block with feedback to the agent (`blocks`).
    package var blocks: [Decision]
    /// Ask the user to confirm (`asks`).
    package var asks: [Decision]
    /// Allow with changed tool input (`modifications`).
    package var modifications: [Decision]
    /// Explicit permissions (`allow_overrides`). Parsed and counted; synthesis treats them as
    /// Allow, since `FinalDecision` has no separate override case.
    package var allowOverrides: [Decision]
    /// Text to add to the agent's context (`add_context`).
    package var addContext: [String]

    /// A set with nothing in it: what an undefined policy result means.
    package static let empty = DecisionSet()

    /// Creates a set; every list defaults to empty.
    package init(
        halts: [Decision] = [], denials: [Decision] = [], blocks: [Decision] = [],
        asks: [Decision] = [], modifications: [Decision] = [], allowOverrides: [Decision] = [],
        addContext: [String] = []
    ) {
        self.halts = halts
        self.denials = denials
        self.blocks = blocks
        self.asks = asks
        self.modifications = modifications
        self.allowOverrides = allowOverrides
        self.addContext = addContext
    }

    /// Number of decision objects in every list plus the context strings.
    package var count: Int {
        halts.count + denials.count + blocks.count + asks.count + modifications.count
            + allowOverrides.count + addContext.count
    }

    /// Whether the set holds nothing at all.
    package var isEmpty: Bool { count == 0 }
}
