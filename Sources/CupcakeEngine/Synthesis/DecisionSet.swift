/// Everything the policies of one layer (global or project) decided about one event: the
/// result of the aggregating entrypoint `cupcake.system.evaluate`.
public struct DecisionSet: Sendable, Equatable {
    /// Stop the agent entirely (`halts`).
    public var halts: [Decision]
    /// Refuse the action (`denials`).
    public var denials: [Decision]
    /// Block with feedback to the agent (`blocks`).
    public var blocks: [Decision]
    /// Ask the user to confirm (`asks`).
    public var asks: [Decision]
    /// Allow with changed tool input (`modifications`).
    public var modifications: [Decision]
    /// Explicit permissions (`allow_overrides`). Parsed and counted; synthesis treats them as
    /// Allow, since `FinalDecision` has no separate override case.
    public var allowOverrides: [Decision]
    /// Text to add to the agent's context (`add_context`).
    public var addContext: [String]

    /// A set with nothing in it: what an undefined policy result means.
    public static let empty = DecisionSet()

    /// Creates a set; every list defaults to empty.
    public init(
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
    public var count: Int {
        halts.count + denials.count + blocks.count + asks.count + modifications.count
            + allowOverrides.count + addContext.count
    }

    /// Whether the set holds nothing at all.
    public var isEmpty: Bool { count == 0 }
}
