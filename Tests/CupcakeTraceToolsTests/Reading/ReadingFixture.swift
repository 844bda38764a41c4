import CupcakeTrace
import CupcakeTraceTools
import Testing

/// Every suite of the trace-reading tests (`swift test --filter Reading` runs them).
@Suite("Reading traces")
enum ReadingTests {}

/// A fixed input for the reading tests: one complete evaluation (two concurrent signals, an event
/// line, a failed action), one trace cut short (no root line), and four lines that are not trace
/// lines (a CLI message, a diagnostic, broken JSON, a blank line that is not counted).
enum ReadingFixture {
    static let traceA = "0123456789abcdef0123456789abcdef"
    static let traceB = "fedcba9876543210fedcba9876543210"

    static let lines: [String] = [
        #"cupcake: loading policies"#,
        #"{"timestamp":"2026-11-25T10:00:00.000100Z","level":"INFO","span":"route","trace_id":"0123456789abcdef0123456789abcdef","span_id":"2222222222222222","parent_span_id":"1111111111111111","duration_ms":0.400,"routing_key":"PreToolUse:Bash","matched_policy_count":2,"policies":["a","b"]}"#,
        #"{"timestamp":"2026-11-25T10:00:01.000000Z","level":"INFO","span":"route","trace_id":"fedcba9876543210fedcba9876543210","span_id":"aaaaaaaaaaaaaaaa","parent_span_id":"bbbbbbbbbbbbbbbb","duration_ms":0.250,"routing_key":"Stop"}"#,
        #"{"timestamp":"2026-11-25T10:00:00.000600Z","level":"INFO","span":"signal","trace_id":"0123456789abcdef0123456789abcdef","span_id":"4444444444444444","parent_span_id":"3333333333333333","duration_ms":3.000,"signal_name":"git_branch","exit_code":0,"timed_out":false}"#,
        #"{"timestamp":"2026-11-25T10:00:00.004700Z","level":"WARN","span":"signal","trace_id":"0123456789abcdef0123456789abcdef","span_id":"5555555555555555","parent_span_id":"3333333333333333","duration_ms":4.000,"event":"signal timed out"}"#,
        #"{"timestamp":"2026-11-25T10:00:00.000700Z","level":"INFO","span":"signal","trace_id":"0123456789abcdef0123456789abcdef","span_id":"5555555555555555","parent_span_id":"3333333333333333","duration_ms":4.000,"signal_name":"test_status","exit_code":null,"timed_out":true}"#,
        #"{"timestamp":"2026-11-25T10:00:00.100000Z","level":"WARN","message":"slow signal"}"#,
        #"{"timestamp":"2026-11-25T10:00:00.000500Z","level":"INFO","span":"gather_signals","trace_id":"0123456789abcdef0123456789abcdef","span_id":"3333333333333333","parent_span_id":"1111111111111111","duration_ms":4.300,"signal_count":2}"#,
        #"{"timestamp":"2026-11-25T10:00:00.004900Z","level":"INFO","span":"wasm_eval","trace_id":"0123456789abcdef0123456789abcdef","span_id":"6666666666666666","parent_span_id":"1111111111111111","duration_ms":2.500,"decision_count":1}"#,
        #"{"broken":"#,
        "",
        #"{"timestamp":"2026-11-25T10:00:01.000300Z","level":"INFO","span":"wasm_eval","trace_id":"fedcba9876543210fedcba9876543210","span_id":"cccccccccccccccc","parent_span_id":"bbbbbbbbbbbbbbbb","duration_ms":1.000}"#,
        #"{"timestamp":"2026-11-25T10:00:00.007600Z","level":"ERROR","span":"action","trace_id":"0123456789abcdef0123456789abcdef","span_id":"8888888888888888","parent_span_id":"7777777777777777","duration_ms":2.300,"error":"exit status 1","rule_id":"BASH-001","exit_code":1}"#,
        #"{"timestamp":"2026-11-25T10:00:00.007500Z","level":"INFO","span":"execute_actions","trace_id":"0123456789abcdef0123456789abcdef","span_id":"7777777777777777","parent_span_id":"1111111111111111","duration_ms":2.400,"action_count":1}"#,
        #"{"timestamp":"2026-11-25T10:00:00.000000Z","level":"INFO","span":"evaluate","trace_id":"0123456789abcdef0123456789abcdef","span_id":"1111111111111111","parent_span_id":null,"duration_ms":10.000,"event_name":"PreToolUse","tool_name":"Bash","session_id":"sess-1","matched_policy_count":2,"final_decision":"deny"}"#,
    ]

    /// The lines above that are not trace lines (the blank line is not counted).
    static let skippedLines = 3

    static var bytes: [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    /// Every trace in the fixture, in the order the stream hands them back.
    static func groups() -> (groups: [TraceGroup], stream: TraceStream) {
        var stream = TraceStream(reader: LineReader(bytes: bytes))
        var groups: [TraceGroup] = []
        stream.run { groups.append($0) }
        return (groups, stream)
    }
}
