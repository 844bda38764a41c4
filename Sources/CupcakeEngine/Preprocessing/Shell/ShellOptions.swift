/// Splits a command's arguments into options and operands the way getopt-style tools read
/// them: `-abc` clusters, `-o value` / `-ovalue`, `--long=value` / `--long value`, `--` ends
/// options. Which options take a value is the caller's knowledge.
struct ShellOptions {
    /// Options given, as written without dashes (`r`, `recursive`), with their values.
    var options: [(name: String, value: ShellWord?)] = []
    /// Arguments that are not options, in order.
    var operands: [ShellWord] = []

    /// - Parameters:
    ///   - short: single-letter options that take a value (`o` for `-o FILE`).
    ///   - long: long options that take a value (`output` for `--output FILE`).
    ///   - operandsEndOptions: stop at the first operand (POSIX); otherwise options may follow
    ///     operands (GNU).
    init(_ arguments: ArraySlice<ShellWord>, short: Set<Character> = [], long: Set<String> = [],
         operandsEndOptions: Bool = false) {
        var index = arguments.startIndex
        var onlyOperands = false
        while index < arguments.endIndex {
            let word = arguments[index]
            index += 1
            let text = word.text
            if onlyOperands || text == "-" || !text.hasPrefix("-") {
                operands.append(word)
                if operandsEndOptions { onlyOperands = true }
                continue
            }
            if text == "--" {
                onlyOperands = true
                continue
            }
            if text.hasPrefix("--") {
                let body = text.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    var value = ShellWord()
                    value.appendLiteral(String(body[body.index(after: equals)...]))
                    options.append((String(body[..<equals]), value))
                } else if long.contains(String(body)), index < arguments.endIndex {
                    options.append((String(body), arguments[index]))
                    index += 1
                } else {
                    options.append((String(body), nil))
                }
                continue
            }
            var letters = text.dropFirst()
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard short.contains(letter) else {
                    options.append((String(letter), nil))
                    continue
                }
                if !letters.isEmpty {
                    var value = ShellWord()
                    value.appendLiteral(String(letters))
                    options.append((String(letter), value))
                } else if index < arguments.endIndex {
                    options.append((String(letter), arguments[index]))
                    index += 1
                } else {
                    options.append((String(letter), nil))
                }
                break
            }
        }
    }

    func has(_ names: String...) -> Bool {
        options.contains { names.contains($0.name) }
    }

    /// Values of the options named, in order.
    func values(_ names: String...) -> [ShellWord] {
        options.compactMap { names.contains($0.name) ? $0.value : nil }
    }
}
