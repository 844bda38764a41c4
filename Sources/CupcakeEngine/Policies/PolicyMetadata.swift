/// Reads the `package` line and the first OPA `# METADATA` annotation block of a .rego source.
enum PolicyMetadata {
    /// The METADATA block's YAML and, per YAML line, its .rego line number and stripped prefix width.
    struct Block {
        /// The .rego line of the `# METADATA` marker.
        var markerLine: Int
        var yaml: String
        var regoLines: [Int]
        var prefixWidths: [Int]
    }

    /// The first `# METADATA` block: the comment lines after the marker, each without its
    /// leading `#` and one following space, up to the first line that is not a comment.
    static func firstBlock(in lines: [Substring]) -> Block? {
        guard let marker = lines.firstIndex(where: { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.first == "#" else { return false }
            return trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }.hasPrefix("METADATA")
                && trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }.dropFirst(8).allSatisfy { $0 == " " || $0 == "\t" }
        }) else { return nil }
        var block = Block(markerLine: marker + 1, yaml: "", regoLines: [], prefixWidths: [])
        var index = marker + 1
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let rest = line.dropFirst(indent)
            guard rest.first == "#" else { break }
            var content = rest.dropFirst()
            var width = indent + 1
            if content.first == " " {
                content = content.dropFirst()
                width += 1
            }
            block.yaml += content + "\n"
            block.regoLines.append(index + 1)
            block.prefixWidths.append(width)
            index += 1
        }
        return block
    }

    /// The name in the first `package a.b.c` line.
    static func packageName(in lines: [Substring]) -> String? {
        package(in: lines)?.name
    }

    /// The name in the first `package a.b.c` line and that line's 1-based number.
    static func package(in lines: [Substring]) -> (name: String, line: Int)? {
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("package"), trimmed.dropFirst(7).first == " " || trimmed.dropFirst(7).first == "\t" else { continue }
            let name = trimmed.dropFirst(7).drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" && $0 != "#" }
            return name.isEmpty ? nil : (String(name), index + 1)
        }
        return nil
    }
}
