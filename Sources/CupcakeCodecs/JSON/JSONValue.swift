/// A JSON document as the engine handles it: hook events, signal results, policy input and output,
/// OPA values exchanged with host builtins.
///
/// Integers that fit in `Int64` and carry no fraction or exponent stay exact (`.int`); integers
/// beyond `Int64` and numbers beyond a Double's range keep their JSON text (`.number`), as OPA
/// keeps number literals; every other number is a `.double`. Objects are unordered;
/// serialization sorts keys, as OPA does.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// A number neither `Int64` nor `Double` holds as written, kept as its JSON text.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}
