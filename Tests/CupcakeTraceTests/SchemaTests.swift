import CupcakeTestSupport
import Foundation
import Testing

/// Docs/trace-line.schema.json is the published contract: real output must satisfy it.
@Suite("Trace-line schema")
struct SchemaTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func validator() throws -> SchemaValidator {
        try SchemaValidator(contentsOf: Self.packageRoot.appendingPathComponent("Docs/trace-line.schema.json"))
    }

    @Test("every line of a traced run satisfies the schema", arguments: ["all", "all,payload", "eval"])
    func realOutput(categories: String) throws {
        let validator = try validator()
        let result = try Probe.run(["--hostile", "--signal-timeout", "--evaluations", "3"], environment: ["CUPCAKE_TRACE": categories])
        let lines = try result.parsedLines()
        #expect(!lines.isEmpty)
        for line in lines {
            let violations = validator.violations(of: line.object)
            #expect(violations.isEmpty, "\(violations) in \(line.raw.prefix(300))")
        }
    }

    @Test("the validator rejects lines that break the contract")
    func validatorCanFail() throws {
        let validator = try validator()
        let good = try TraceLine(
            #"{"timestamp":"2026-11-25T16:24:21.123456Z","level":"INFO","span":"route","trace_id":"0123456789abcdef0123456789abcdef","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":0.5,"policies":["a"]}"#)
        #expect(validator.violations(of: good.object).isEmpty)
        let bad = [
            #"{"timestamp":"2026-11-25 16:24:21","level":"INFO","span":"route","trace_id":"0123456789abcdef0123456789abcdef","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":0.5}"#,
            #"{"timestamp":"2026-11-25T16:24:21.123Z","level":"INFO","span":"route","trace_id":"0123456789ABCDEF0123456789abcdef","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":0.5}"#,
            #"{"timestamp":"2026-11-25T16:24:21.123Z","level":"INFO","span":"route","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":0.5}"#,
            #"{"timestamp":"2026-11-25T16:24:21.123Z","level":"LOUD","span":"route","trace_id":"0123456789abcdef0123456789abcdef","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":0.5}"#,
            #"{"timestamp":"2026-11-25T16:24:21.123Z","level":"INFO","span":"route","trace_id":"0123456789abcdef0123456789abcdef","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":"fast"}"#,
            #"{"timestamp":"2026-11-25T16:24:21.123Z","level":"INFO","span":"route","trace_id":"0123456789abcdef0123456789abcdef","span_id":"0123456789abcdef","parent_span_id":null,"duration_ms":1,"nested":{"a":1}}"#,
        ]
        for text in bad {
            let line = try TraceLine(text)
            #expect(!validator.violations(of: line.object).isEmpty, "accepted \(text)")
        }
    }
}
