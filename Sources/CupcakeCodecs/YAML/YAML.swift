/// A parser for the subset of YAML people write in `rulebook.yml` and OPA `# METADATA` blocks.
///
/// Supported: block mappings and sequences (including mappings inside `- ` items), flow sequences
/// and mappings (nested, spanning lines), plain, single-quoted and double-quoted scalars, literal
/// (`|`) and folded (`>`) block scalars with chomping and indentation indicators, comments, one
/// leading `---`. Scalars resolve with YAML 1.2's core schema; quoted scalars are always strings.
///
/// Rejected with a located `YAMLError`: anchors, aliases, tags, directives, complex (`?`) keys,
/// multi-document streams, tabs in indentation, duplicate keys, inconsistent indentation,
/// unterminated quotes and flow collections, nesting deeper than `YAMLLimits.maxDepth`.
package enum YAML {
    /// Parses one YAML document into a `JSONValue`; an empty document is `.null`.
    ///
    /// `origin` names the text in error messages, e.g. "rulebook.yml:7:3: tabs are not allowed for indentation".
    package static func parse(_ text: String, origin: String) throws(YAMLError) -> JSONValue {
        var parser = YAMLParser(text: text, origin: origin, recordLocations: false)
        return try parser.parseDocument()
    }

    /// Parses like `parse(_:origin:)` and also returns where each node starts, keyed by its path
    /// ("signals.git_branch.timeout_seconds", "actions.on_any_denial[0]"), for error messages.
    package static func parseWithLocations(_ text: String, origin: String) throws(YAMLError) -> (value: JSONValue, locations: [String: YAMLLocation]) {
        var parser = YAMLParser(text: text, origin: origin, recordLocations: true)
        let value = try parser.parseDocument()
        return (value, parser.locations)
    }
}

/// Bounds that keep hostile YAML from exhausting the stack or memory.
package enum YAMLLimits {
    /// Deepest nesting of collections accepted.
    package static let maxDepth = 64
    /// Largest input accepted, in UTF-8 bytes.
    package static let maxInputBytes = 16 << 20
}
