/// "Did you mean …?" for a misspelt name: the closest candidate by edit distance.
enum NameSuggestion {
    /// The candidate equal to `name` but for case, else one `name` extends (`claude-code`),
    /// else the nearest within a third of the name's length; nil for names too long to be a typo.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let word = Array(name.unicodeScalars)
        guard !word.isEmpty, word.count <= 64 else { return nil }
        let lowered = name.lowercased()
        if let sameLetters = candidates.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        if let extended = candidates.first(where: { lowered.hasPrefix($0.lowercased()) }) { return extended }
        let limit = max(2, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, Array(candidate.unicodeScalars))
            if distance <= limit, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.name
    }

    /// `" (did you mean X?)"`, or nothing.
    static func hint(for name: String, in candidates: [String]) -> String {
        closest(to: name, in: candidates).map { " (did you mean \($0)?)" } ?? ""
    }

    /// Levenshtein distance, one row at a time.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A name as it goes into a message: quoted, cut short when long (hostile input).
    static func shown(_ name: String) -> String {
        let scalars = name.unicodeScalars
        if scalars.count <= 60 { return "\"\(name)\"" }
        return "\"" + String(String.UnicodeScalarView(scalars.prefix(57))) + "...\""
    }
}
