/// Why hook event bytes could not be read as an event.
public enum EventError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing (or only whitespace) arrived.
    case emptyInput
    /// The bytes are not valid JSON; the parser's error says where.
    case invalidJSON(JSONParseError)
    /// Valid JSON, but not an object; `found` is its JSON type name.
    case notAnObject(found: String)
    /// The object names no event (`hook_event_name`, or Factory's `hookEventName`).
    case missingEventName
    /// The event name is present but not a string.
    case eventNameNotString(found: String)

    /// A message naming what to fix.
    public var description: String {
        switch self {
        case .emptyInput:
            return "hook event: empty input, expected one JSON object on stdin"
        case .invalidJSON(let error):
            return "hook event: \(error.description)"
        case .notAnObject(let found):
            return "hook event: expected a JSON object, found \(found)"
        case .missingEventName:
            return "event has no hook_event_name"
        case .eventNameNotString(let found):
            return "hook event: hook_event_name must be a string, found \(found)"
        }
    }
}
