/// The one outcome of an evaluation, after synthesis over every layer's decision set.
///
/// Priority, highest first: halt (1) > deny (2) > block (3) > ask (4) > modify (5) > allow (6).
public enum FinalDecision: Sendable, Equatable {
    /// Stop the agent altogether.
    case halt(Verdict)
    /// Refuse the action.
    case deny(Verdict)
    /// Block with feedback to the agent.
    case block(Verdict)
    /// Ask the user to confirm.
    case ask(Verdict)
    /// Allow, with the tool input replaced by `updatedInput` (the merge of every modification).
    case modify(Verdict, updatedInput: JSONValue)
    /// Allow, adding `context` to the agent's context where the harness supports it.
    case allow(context: [String])

    /// "halt", "deny", "block", "ask", "modify" or "allow".
    public var name: String {
        switch self {
        case .halt: return "halt"
        case .deny: return "deny"
        case .block: return "block"
        case .ask: return "ask"
        case .modify: return "modify"
        case .allow: return "allow"
        }
    }

    /// 1 for halt up to 6 for allow: lower wins.
    public var priority: Int {
        switch self {
        case .halt: return 1
        case .deny: return 2
        case .block: return 3
        case .ask: return 4
        case .modify: return 5
        case .allow: return 6
        }
    }

    /// The verdict, for every case but allow.
    public var verdict: Verdict? {
        switch self {
        case .halt(let verdict), .deny(let verdict), .block(let verdict), .ask(let verdict),
             .modify(let verdict, _):
            return verdict
        case .allow:
            return nil
        }
    }

    /// The verdict's reason, or nil for allow.
    public var reason: String? { verdict?.reason }

    /// Context strings: an allow's own, or those carried by the verdict.
    public var context: [String] {
        switch self {
        case .allow(let context): return context
        default: return verdict?.context ?? []
        }
    }
}
