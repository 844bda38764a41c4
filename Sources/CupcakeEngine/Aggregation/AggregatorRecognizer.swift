/// Decides whether the Rego of a project's aggregator package is the standard aggregator, in
/// any of the forms upstream Cupcake writes it:
///
///     evaluate := {"halts": collect_verbs("halt"), …}
///     evaluate := decision_set if { decision_set := {…} }
///     halts := collect_verbs("halt") … evaluate := {"halts": halts, …}
///
///     collect_verbs(verb_name) := [decision |
///         walk(data.cupcake.policies, [path, verb_set]); path[count(path) - 1] == verb_name
///         some decision in verb_set ]
///     collect_verbs(verb_name) := result if {
///         verb_sets := [value | walk(data.cupcake.policies, [path, value]); path[count(path) - 1] == verb_name]
///         all_decisions := [decision | some verb_set in verb_sets; some decision in verb_set]
///         result := all_decisions }
///     default collect_verbs(_) := []
///
/// Names of variables are free, layout and comments do not matter, `:=`/`=` and `if` are
/// interchangeable as in Rego v0 and v1. Anything else in the package (another rule, another
/// expression, a different walk) makes it not standard, and the engine then evaluates the
/// module's own aggregate entrypoint: recognising too little costs speed, never correctness.
enum AggregatorRecognizer {
    /// The recognised aggregator, or why the sources are not the standard one.
    static func recognize(_ sources: [(path: String, text: String)]) -> Result<StandardAggregator, NotStandard> {
        guard !sources.isEmpty else { return .failure(NotStandard("no aggregator source")) }
        var package: String?
        var rules = Rules()
        for source in sources {
            guard let tokens = RegoTokens(source.text) else {
                return .failure(NotStandard("\(source.path): not readable as Rego tokens"))
            }
            var parser = Parser(tokens: tokens.tokens)
            do throws(NotStandard) {
                let name = try parser.header()
                if let package, package != name {
                    return .failure(NotStandard("\(source.path): package \(name), expected \(package)"))
                }
                package = name
                while !parser.atEnd { try parser.rule(into: &rules) }
            } catch {
                return .failure(NotStandard("\(source.path): \(error.reason)"))
            }
        }
        guard let package else { return .failure(NotStandard("no package")) }
        return rules.aggregator(package: package)
    }

    /// Why an aggregator is not the standard one (shown in traces and `inspect`).
    struct NotStandard: Error, Equatable {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// What the rules of the package say, collected across its files.
    struct Rules {
        /// `evaluate`'s entries: key and either a verb (`collect_verbs("deny")`) or the name of an
        /// intermediate rule.
        var evaluate: [(key: String, term: Term)]?
        /// `denials := collect_verbs("deny")`.
        var intermediates: [String: String] = [:]
        /// The root `collect_verbs` walks.
        var root: [String]?

        enum Term { case verb(String), rule(String) }

        func aggregator(package: String) -> Result<StandardAggregator, NotStandard> {
            guard let evaluate else { return .failure(NotStandard("no evaluate rule")) }
            guard let root else { return .failure(NotStandard("no collect_verbs function")) }
            var entries: [StandardAggregator.Entry] = []
            for (key, term) in evaluate {
                switch term {
                case .verb(let verb):
                    entries.append(.init(key: key, verb: verb))
                case .rule(let name):
                    guard let verb = intermediates[name] else {
                        return .failure(NotStandard("evaluate's \"\(key)\" names \(name), which is not collect_verbs(…)"))
                    }
                    entries.append(.init(key: key, verb: verb))
                }
            }
            guard Set(entries.map(\.key)).count == entries.count else { return .failure(NotStandard("evaluate repeats a key")) }
            return .success(StandardAggregator(packageName: package, root: root, entries: entries))
        }
    }

    struct Parser {
        let tokens: [RegoTokens.Token]
        var index = 0

        init(tokens: [RegoTokens.Token]) { self.tokens = tokens }

        var atEnd: Bool { index >= tokens.count }

        // MARK: Module structure

        /// `package a.b.c` and any imports; returns the package name.
        mutating func header() throws(NotStandard) -> String {
            try keyword("package")
            let name = try dotted()
            while peekIdentifier == "import" {
                index += 1
                let imported = try dotted()
                guard imported == "rego.v1" || imported == "future.keywords" || imported.hasPrefix("future.keywords.") else {
                    throw NotStandard("imports \(imported)")
                }
            }
            guard name == "cupcake.system" || name == "cupcake.global.system" else {
                throw NotStandard("package \(name) is not an aggregator package")
            }
            return name
        }

        /// One rule of the package, recorded in `rules`; anything unknown throws.
        mutating func rule(into rules: inout Rules) throws(NotStandard) {
            let name = try identifier()
            switch name {
            case "default":
                // default collect_verbs(_) := []
                try keyword("collect_verbs")
                try symbols("(", "_", ")")
                try assignment()
                try symbols("[", "]")
            case "collect_verbs":
                let root = try collectVerbs()
                if let known = rules.root, known != root { throw NotStandard("collect_verbs is defined twice") }
                rules.root = root
            case "evaluate":
                guard rules.evaluate == nil else { throw NotStandard("evaluate is defined twice") }
                rules.evaluate = try evaluateBody()
            default:
                // denials := collect_verbs("deny")
                let verb: String
                do throws(NotStandard) {
                    try assignment()
                    try keyword("collect_verbs")
                    try symbol("(")
                    verb = try string()
                    try symbol(")")
                } catch {
                    throw NotStandard("rule \(name) is not part of the standard aggregator (\(error.reason))")
                }
                guard rules.intermediates[name] == nil else { throw NotStandard("\(name) is defined twice") }
                rules.intermediates[name] = verb
            }
        }

        /// After `evaluate`: `:= {…}` or `:= x if { x := {…} }`.
        mutating func evaluateBody() throws(NotStandard) -> [(key: String, term: Rules.Term)] {
            try assignment()
            if peekSymbol == "{" { return try verbObject() }
            let variable = try identifier()
            optionalKeyword("if")
            try symbol("{")
            try keyword(variable)
            try assignment()
            let object = try verbObject()
            optionalSymbol(";")
            try symbol("}")
            return object
        }

        /// `{"halts": collect_verbs("halt"), "denials": denials, …}`
        mutating func verbObject() throws(NotStandard) -> [(key: String, term: Rules.Term)] {
            try symbol("{")
            var entries: [(key: String, term: Rules.Term)] = []
            while peekSymbol != "}" {
                let key = try string()
                try symbol(":")
                let name = try identifier()
                if name == "collect_verbs" {
                    try symbol("(")
                    entries.append((key, .verb(try string())))
                    try symbol(")")
                } else {
                    entries.append((key, .rule(name)))
                }
                if !optionalSymbol(",") { break }
            }
            try symbol("}")
            return entries
        }

        /// After `collect_verbs`: the parameter, then one of the two bodies; returns the root.
        mutating func collectVerbs() throws(NotStandard) -> [String] {
            try symbol("(")
            let verb = try identifier()
            try symbol(")")
            try assignment()
            if optionalSymbol("[") {
                // [decision | walk(root, [path, set]) path[count(path) - 1] == verb  some decision in set]
                let decision = try identifier()
                try symbol("|")
                let (root, _, set) = try walkAndMatch(verb: verb)
                try membership(element: decision, collection: set)
                try symbol("]")
                return root
            }
            // result if { sets := [value | walk … match]  all := [d | some s in sets  some d in s]  result := all }
            let result = try identifier()
            optionalKeyword("if")
            try symbol("{")
            let sets = try identifier()
            try assignment()
            try symbol("[")
            let value = try identifier()
            try symbol("|")
            let (root, _, walked) = try walkAndMatch(verb: verb)
            guard walked == value else { throw NotStandard("collect_verbs collects \(value), not the walked value") }
            try symbol("]")
            optionalSymbol(";")
            let all = try identifier()
            try assignment()
            try symbol("[")
            let decision = try identifier()
            try symbol("|")
            let set = try membership(element: nil, collection: sets)
            try membership(element: decision, collection: set)
            try symbol("]")
            optionalSymbol(";")
            if all != result {
                try keyword(result)
                try assignment()
                try keyword(all)
                optionalSymbol(";")
            }
            try symbol("}")
            return root
        }

        /// `walk(data.x.y, [path, value])` then `path[count(path) - 1] == verb` (either side).
        mutating func walkAndMatch(verb: String) throws(NotStandard) -> (root: [String], path: String, value: String) {
            try keyword("walk")
            try symbol("(")
            let root = try dotted().split(separator: ".").map(String.init)
            guard root.first == "data", root.count > 1 else { throw NotStandard("walk over \(root.joined(separator: ".")), not data") }
            try symbols(",", "[")
            let path = try identifier()
            try symbol(",")
            let value = try identifier()
            try symbols("]", ")")
            optionalSymbol(";")
            if peekIdentifier == verb {
                index += 1
                try symbol("==")
                try lastElement(of: path)
            } else {
                try lastElement(of: path)
                try symbol("==")
                try keyword(verb)
            }
            optionalSymbol(";")
            return (Array(root.dropFirst()), path, value)
        }

        /// `path[count(path) - 1]`
        mutating func lastElement(of path: String) throws(NotStandard) {
            try keyword(path)
            try symbol("[")
            try keyword("count")
            try symbol("(")
            try keyword(path)
            try symbols(")", "-")
            guard case .number("1")? = next() else { throw NotStandard("expected count(\(path)) - 1") }
            try symbol("]")
        }

        /// `some element in collection` or `element := collection[_]`; `element` nil takes any
        /// name. Returns the element's name.
        @discardableResult
        mutating func membership(element: String?, collection: String) throws(NotStandard) -> String {
            let some = optionalKeyword("some")
            let name = try identifier()
            if let element, name != element { throw NotStandard("expected \(element), found \(name)") }
            if some {
                try keyword("in")
                try keyword(collection)
            } else {
                try assignment()
                try keyword(collection)
                try symbols("[", "_", "]")
            }
            optionalSymbol(";")
            return name
        }

        // MARK: Tokens

        mutating func next() -> RegoTokens.Token? {
            guard index < tokens.count else { return nil }
            defer { index += 1 }
            return tokens[index]
        }

        var peekSymbol: String? {
            if index < tokens.count, case .symbol(let text) = tokens[index] { return text }
            return nil
        }

        var peekIdentifier: String? {
            if index < tokens.count, case .identifier(let text) = tokens[index] { return text }
            return nil
        }

        mutating func identifier() throws(NotStandard) -> String {
            guard case .identifier(let text)? = next() else { throw unexpected("a name") }
            return text
        }

        mutating func string() throws(NotStandard) -> String {
            guard case .string(let text)? = next() else { throw unexpected("a string") }
            return text
        }

        /// `a.b.c`
        mutating func dotted() throws(NotStandard) -> String {
            var parts = [try identifier()]
            while peekSymbol == "." {
                index += 1
                parts.append(try identifier())
            }
            return parts.joined(separator: ".")
        }

        mutating func keyword(_ word: String) throws(NotStandard) {
            guard case .identifier(word)? = next() else { throw unexpected("'\(word)'") }
        }

        @discardableResult
        mutating func optionalKeyword(_ word: String) -> Bool {
            guard peekIdentifier == word else { return false }
            index += 1
            return true
        }

        /// `_` is an identifier token; the other symbols are symbols.
        mutating func symbol(_ text: String) throws(NotStandard) {
            let token = next()
            if text == "_", case .identifier("_")? = token { return }
            guard case .symbol(text)? = token else { throw unexpected("'\(text)'") }
        }

        mutating func symbols(_ texts: String...) throws(NotStandard) {
            for text in texts { try symbol(text) }
        }

        @discardableResult
        mutating func optionalSymbol(_ text: String) -> Bool {
            guard peekSymbol == text else { return false }
            index += 1
            return true
        }

        /// `:=` or `=`.
        mutating func assignment() throws(NotStandard) {
            guard case .symbol(let text)? = next(), text == ":=" || text == "=" else { throw unexpected("':='") }
        }

        func unexpected(_ expected: String) -> NotStandard {
            let position = min(index, tokens.count) - 1
            let found = position >= 0 && position < tokens.count ? "\(tokens[position])" : "the end"
            return NotStandard("expected \(expected), found \(found)")
        }
    }
}
