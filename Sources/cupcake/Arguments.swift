/// A command line as flags with values, boolean switches and positional words.
struct Arguments {
    var values: [String: String] = [:]
    var switches: Set<String> = []
    var positional: [String] = []

    /// Parses `--name value`, `--name=value` and the given switches; anything else starting with
    /// `-` is an error naming it.
    init(_ words: [String], valueFlags: Set<String>, switchFlags: Set<String>) throws(UsageError) {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                let name = String(word[..<equals])
                guard valueFlags.contains(name) else { throw UsageError("unknown option \(name)") }
                values[name] = String(word[word.index(after: equals)...])
            } else if valueFlags.contains(word) {
                guard let value = iterator.next() else { throw UsageError("\(word) needs a value") }
                values[word] = value
            } else if switchFlags.contains(word) {
                switches.insert(word)
            } else if word.hasPrefix("-"), word != "-" {
                throw UsageError("unknown option \(word)")
            } else {
                positional.append(word)
            }
        }
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
