/// Finds decision rules the standard aggregator would not collect, and decisions of the wrong
/// shape, in one policy's Rego tokens.
///
/// Not a Rego parser: a rule starts at a name that begins a line outside any bracket, and only
/// what can be told from literals is judged (a decision built by a function is not). The
/// aggregator collects the elements of partial set rules named after a verb, so a verb rule of
/// another form, or a decision-like set under a misspelt verb, is silently never seen.
struct DecisionRuleCheck {
    static let verbs = ["halt", "deny", "block", "ask", "modify", "add_context"]
    /// The verbs whose elements are decision objects (add_context collects strings).
    static let objectVerbs: Set<String> = ["halt", "deny", "block", "ask", "modify"]
    /// Words that begin a line without beginning a rule.
    static let keywords: Set<String> = ["package", "import", "else", "if", "contains", "in", "some", "every", "not", "with", "as"]

    private let tokens: [RegoTokens.Token]
    private let lines: [Int]
    private let file: String
    private var findings: [ValidationFinding] = []

    /// The findings for one file's tokens.
    static func findings(in scanned: RegoTokens, file: String) -> [ValidationFinding] {
        var check = DecisionRuleCheck(tokens: scanned.tokens, lines: scanned.lines, file: file)
        check.run()
        return check.findings
    }

    private init(tokens: [RegoTokens.Token], lines: [Int], file: String) {
        self.tokens = tokens
        self.lines = lines
        self.file = file
    }

    /// A rule head: its name (the last part of a dotted name), where the name ends, and its form.
    private struct Head {
        var name: String
        var line: Int
        var nameRange: Range<Int>
        var form: Form
    }

    private enum Form {
        /// `name contains element` or Rego v0 `name[element]`: the element's first token.
        case set(element: Int)
        /// Anything else, described for the message.
        case other(String)
    }

    private mutating func run() {
        let starts = ruleStarts()
        var heads: [(head: Head, end: Int)] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : tokens.count
            if let head = head(at: start, end: end) { heads.append((head, end)) }
        }
        // A set used by other rules is a helper (its elements reach a verb through them), not a misspelt verb.
        var used: Set<String> = []
        let headNames = Set(heads.flatMap { $0.head.nameRange })
        for (index, token) in tokens.enumerated() where !headNames.contains(index) {
            if case .identifier(let name) = token { used.insert(name) }
        }
        for (head, end) in heads { judge(head, end: end, used: used) }
    }

    /// Indices of the names that begin a line outside every bracket.
    private func ruleStarts() -> [Int] {
        var starts: [Int] = []
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if depth == 0, case .identifier(let name) = token, index == 0 || lines[index - 1] != lines[index],
               !Self.keywords.contains(name) {
                starts.append(index)
            }
            if case .symbol(let symbol) = token {
                if symbol == "{" || symbol == "[" || symbol == "(" { depth += 1 }
                if symbol == "}" || symbol == "]" || symbol == ")" { depth = max(0, depth - 1) }
            }
        }
        return starts
    }

    private func head(at start: Int, end: Int) -> Head? {
        var index = start
        let isDefault = identifier(at: index) == "default"
        if isDefault { index += 1 }
        guard index < end, var name = identifier(at: index) else { return nil }
        let nameStart = index
        let line = lines[index]
        index += 1
        while symbol(at: index) == ".", index + 1 < end, let part = identifier(at: index + 1) {
            name = part
            index += 2
        }
        let nameRange = nameStart..<index
        if isDefault { return Head(name: name, line: line, nameRange: nameRange, form: .other("a default value (default \(name) := ...)")) }
        let form: Form
        if identifier(at: index) == "contains" {
            form = .set(element: index + 1)
        } else if symbol(at: index) == "[" {
            let close = matching(index, end: end)
            form = [":=", "="].contains(symbol(at: close + 1) ?? "")
                ? .other("a partial object rule (\(name)[key] := value)") : .set(element: index + 1)
        } else if symbol(at: index) == "(" {
            form = .other("a function (\(name)(...))")
        } else if let symbol = symbol(at: index), symbol == ":=" || symbol == "=" {
            form = .other("a complete rule (\(name) \(symbol) ...)")
        } else {
            form = .other("a boolean rule (\(name) if { ... })")
        }
        return Head(name: name, line: line, nameRange: nameRange, form: form)
    }

    private mutating func judge(_ head: Head, end: Int, used: Set<String>) {
        let name = head.name
        let isVerb = Self.verbs.contains(name)
        guard case .set(let element) = head.form else {
            if isVerb {
                report(head.line, "\(name) is \(formDescription(head.form)); the aggregator collects only the elements of a"
                    + " partial set rule: write `\(name) contains decision if { ... }`")
            }
            return
        }
        let value = elementValue(element, end: end)
        if isVerb {
            checkDecision(value, verb: name)
        } else if isDecisionLike(element: element, value: value), !used.contains(name), let verb = nearVerb(name) {
            report(head.line, "\(name) is not a decision verb, so the aggregator never collects it (did you mean \(verb)?);"
                + " the verbs are \(Self.verbs.joined(separator: ", "))")
        }
    }

    private func formDescription(_ form: Form) -> String {
        if case .other(let text) = form { return text }
        return "a partial set rule"
    }

    /// What a set rule's element is, as far as literals tell.
    private enum ElementValue {
        case object(keys: Set<String>, line: Int)
        case string(line: Int)
        case unknown
    }

    /// The element itself when it is a literal, else the literal its variable is assigned in the rule.
    private func elementValue(_ element: Int, end: Int) -> ElementValue {
        guard element < end else { return .unknown }
        if let literal = literal(at: element, end: end) { return literal }
        guard let variable = identifier(at: element) else { return .unknown }
        // A plain variable: not `input.x`, `f(x)` or `x[0]`.
        if let next = symbol(at: element + 1), [".", "[", "("].contains(next) { return .unknown }
        var index = element + 1
        while index + 2 < end {
            if identifier(at: index) == variable, symbol(at: index - 1) != ".",
               let operation = symbol(at: index + 1), operation == ":=" || operation == "=" {
                return literal(at: index + 2, end: end) ?? .unknown
            }
            index += 1
        }
        return .unknown
    }

    private func literal(at index: Int, end: Int) -> ElementValue? {
        guard index < end else { return nil }
        if case .string = tokens[index] { return .string(line: lines[index]) }
        guard symbol(at: index) == "{", let keys = objectKeys(at: index, end: end) else { return nil }
        return .object(keys: keys, line: lines[index])
    }

    /// The keys of the object literal opening at `open`; nil when it is not one with literal keys
    /// (a set, a comprehension, a computed key).
    private func objectKeys(at open: Int, end: Int) -> Set<String>? {
        var keys: Set<String> = []
        var depth = 0
        var expectingKey = true
        var index = open + 1
        while index < end {
            if depth == 0, expectingKey {
                if symbol(at: index) == "}" { return keys }
                guard case .string(let key) = tokens[index], symbol(at: index + 1) == ":" else { return nil }
                keys.insert(key)
                expectingKey = false
                index += 2
                continue
            }
            switch symbol(at: index) {
            case "{", "[", "(": depth += 1
            case "}", "]", ")":
                if depth == 0 { return keys }
                depth -= 1
            case "," where depth == 0: expectingKey = true
            default: break
            }
            index += 1
        }
        return nil
    }

    private mutating func checkDecision(_ value: ElementValue, verb: String) {
        switch value {
        case .object(let keys, let line) where Self.objectVerbs.contains(verb):
            let missing = ["rule_id", "reason"].filter { !keys.contains($0) }
            if !missing.isEmpty {
                report(line, "the \(verb) decision has no \(missing.map { "\"\($0)\"" }.joined(separator: " and no "));"
                    + " every decision names its rule_id and the reason shown to the user")
            }
        case .object(_, let line):
            report(line, "\(verb) collects strings (the text added to the agent's context), not objects")
        case .string(let line) where Self.objectVerbs.contains(verb):
            report(line, "a \(verb) decision is an object with \"rule_id\" and \"reason\", not a string")
        default:
            break
        }
    }

    /// An element named `decision`, or an object with a rule_id or reason.
    private func isDecisionLike(element: Int, value: ElementValue) -> Bool {
        if identifier(at: element) == "decision" { return true }
        if case .object(let keys, _) = value { return keys.contains("rule_id") || keys.contains("reason") }
        return false
    }

    /// The verb a name misspells: within two edits, or the verb's stem with an ending (`denies`, `blocked`).
    private func nearVerb(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count <= 64 else { return nil }
        return Self.verbs.first { verb in
            NameSuggestion.editDistance(scalars, Array(verb.unicodeScalars)) <= 2
                || (name.hasPrefix(String(verb.dropLast())) && name.count <= verb.count + 6)
        }
    }

    private mutating func report(_ line: Int, _ message: String) {
        findings.append(ValidationFinding(.error, .decisionShape, file: file, line: line, message))
    }

    private func identifier(at index: Int) -> String? {
        guard index < tokens.count, case .identifier(let name) = tokens[index] else { return nil }
        return name
    }

    private func symbol(at index: Int) -> String? {
        guard index >= 0, index < tokens.count, case .symbol(let symbol) = tokens[index] else { return nil }
        return symbol
    }

    /// The index of the bracket closing the one at `open` (or `end` when unbalanced).
    private func matching(_ open: Int, end: Int) -> Int {
        var depth = 0
        for index in open..<end {
            switch symbol(at: index) {
            case "{", "[", "(": depth += 1
            case "}", "]", ")":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return end
    }
}
