import CupcakeEngine
import CupcakeTestSupport
import Testing

@testable import CupcakeTrace

@Suite("Configuration from the environment")
struct ConfigurationTests {
    static let nameCases: [(String, TraceCategory)] = [
        ("eval", .eval), ("EVAL", .eval), ("routing", .routing), ("signals", .signals),
        ("wasm", .wasm), ("synthesis", .synthesis), ("actions", .actions), ("payload", .payload),
        ("all", .all), ("eval,wasm", TraceCategory([.eval, .wasm])), (" eval , , Actions ", TraceCategory([.eval, .actions])),
        ("off", TraceCategory()), ("0", TraceCategory()), ("", TraceCategory()), ("all,payload", .root),
    ]

    @Test("CUPCAKE_TRACE names", arguments: nameCases)
    func names(_ testCase: (String, TraceCategory)) {
        let (text, expected) = testCase
        let parsed = TraceCategory.parse(text, names: TraceConfiguration.pipeline.categoryNames)
        #expect(parsed.categories == expected)
        #expect(parsed.unknown.isEmpty)
    }

    @Test("unknown names are returned for one warning")
    func unknownNames() {
        let parsed = TraceCategory.parse("eval,verbose,Bogus", names: TraceConfiguration.pipeline.categoryNames)
        #expect(parsed.categories == .eval)
        #expect(parsed.unknown == ["verbose", "Bogus"])
        let (configuration, warnings) = TraceConfiguration.fromEnvironment(["CUPCAKE_TRACE": "eval,verbose"], base: .pipeline)
        #expect(configuration.categories == .eval)
        #expect(warnings.count == 1)
        #expect(warnings[0].contains("'verbose'"))
        #expect(warnings[0].contains("eval, routing, signals, wasm, synthesis, actions, builtins, all, payload"))
    }

    @Test("a program's own vocabulary: its names, its payload fields, its keep rule")
    func ownVocabulary() throws {
        let fast = TraceCategory(rawValue: 1 << 9), slow = TraceCategory(rawValue: 1 << 10)
        let sink = InMemorySink()
        let base = TraceConfiguration(
            categoryNames: [("fast", fast), ("slow", slow)], payloadKeys: ["secret"],
            keepsTrace: { field in field("status") == "failed" })
        let (configuration, warnings) = TraceConfiguration.fromEnvironment(
            ["CUPCAKE_TRACE": "fast,eval", "CUPCAKE_TRACE_SAMPLE": "0"], base: base, sink: sink)
        #expect(configuration.categories == fast)
        #expect(warnings.count == 1 && warnings[0].contains("'eval'") && warnings[0].contains("fast, slow, all, payload"))
        let tracer = Tracer(configuration: configuration)
        for status in ["ok", "failed"] {
            tracer.withSpan("job", category: fast, fields: ["secret": "hunter2", "tool_input": "kept: not named"]) { span in
                span.record("status", .string(status))
            }
        }
        let lines = try sink.lines.map(TraceLine.init)
        #expect(lines.count == 1)  // sampled out unless the keep rule says otherwise
        #expect(lines.first?["status"] as? String == "failed")
        #expect(lines.first?["secret"] == nil)
        #expect(lines.first?["tool_input"] as? String == "kept: not named")
    }

    @Test("stage spans are visible under eval or their own category; the root under any")
    func visibility() {
        let routingOnly = Tracer(configuration: TraceConfiguration(categories: .routing, sink: InMemorySink()))
        #expect(routingOnly.isEnabled(.root))
        #expect(routingOnly.isEnabled(.stage(.routing)))
        #expect(!routingOnly.isEnabled(.stage(.wasm)))
        #expect(!routingOnly.isEnabled(.signals))
        let evalOnly = Tracer(configuration: TraceConfiguration(categories: .eval, sink: InMemorySink()))
        #expect(evalOnly.isEnabled(.stage(.wasm)))
        #expect(!evalOnly.isEnabled(.wasm))
        #expect(!Tracer.disabled.isEnabled(.root))
    }

    @Test(
        "CUPCAKE_LOG, then RUST_LOG, then warn",
        arguments: [
            ([:], LogLevel.warn), (["CUPCAKE_LOG": "debug"], .debug), (["CUPCAKE_LOG": "ERROR"], .error),
            (["RUST_LOG": "info"], .info), (["RUST_LOG": "hyper=trace,cupcake=debug"], .debug),
            (["RUST_LOG": "hyper=trace"], .warn), (["CUPCAKE_LOG": "trace", "RUST_LOG": "error"], .trace),
            (["CUPCAKE_LOG": "loud"], .warn),
        ])
    func logLevels(_ testCase: ([String: String], LogLevel)) {
        let (environment, expected) = testCase
        #expect(LogLevel.fromEnvironment(environment).level == expected)
    }

    @Test("a bad CUPCAKE_LOG is reported")
    func badLogLevel() {
        let (_, warnings) = TraceConfiguration.fromEnvironment(["CUPCAKE_LOG": "loud"])
        #expect(warnings.count == 1)
        #expect(warnings[0].contains("CUPCAKE_LOG=loud"))
    }

    @Test("CUPCAKE_TRACE_SAMPLE", arguments: [("0", 0.0), ("0.25", 0.25), ("1", 1.0), ("1.5", 1.0), ("-1", 1.0), ("x", 1.0)])
    func sampleRate(_ testCase: (String, Double)) {
        let (text, expected) = testCase
        #expect(TraceConfiguration.fromEnvironment(["CUPCAKE_TRACE_SAMPLE": text]).configuration.sampleRate == expected)
    }

    @Test("W3C traceparent parsing")
    func traceparent() throws {
        let valid = try #require(TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        #expect(valid.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(valid.parentSpanID.description == "00f067aa0ba902b7")
        #expect(valid.flags == 1)
        // A later version may add fields after a dash.
        let later = TraceParent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra")
        #expect(later?.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(later?.parentSpanID.description == "00f067aa0ba902b7" && later?.flags == 0)
        for invalid in [
            "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",
            "0x-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00x",
        ] {
            #expect(TraceParent(invalid) == nil, "accepted \(invalid)")
        }
    }
}

@Suite("Ids, clocks and encoding")
struct EncodingTests {
    @Test("trace ids have the UUIDv7 layout and the current time")
    func traceIDLayout() {
        let now = WallClock.nowNanoseconds() / 1_000_000
        let id = TraceID.generate()
        let hex = id.description
        #expect(hex.wholeMatch(of: /[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}/) != nil)
        let millis = id.high >> 16
        #expect(millis >= now && millis < now + 5_000)
    }

    @Test("ids do not repeat")
    func uniqueness() {
        var traces = Set<TraceID>()
        var spans = Set<SpanID>()
        for _ in 0..<100_000 {
            traces.insert(TraceID.generate())
            spans.insert(SpanID.generate())
        }
        #expect(traces.count == 100_000)
        #expect(spans.count == 100_000)
        #expect(!spans.contains(SpanID(rawValue: 0)))
    }

    @Test("hex digits", arguments: [UInt64(0), 1, 0xdead_beef, 0x0123_4567_89ab_cdef, .max])
    func hex(value: UInt64) {
        var writer = JSONLineWriter()
        writer.appendHex(value)
        let text = writer.buffer.withBytes { String(decoding: $0, as: UTF8.self) }
        let expected = String(value, radix: 16)
        #expect(text == "{" + String(repeating: "0", count: 16 - expected.count) + expected)
    }

    @Test(
        "RFC 3339 timestamps",
        arguments: [
            (UInt64(0), "1970-01-01T00:00:00.000000Z"),
            (951_782_400_123_456_789, "2000-02-29T00:00:00.123456Z"),
            (1_795_622_661_000_001_000, "2026-11-25T16:04:21.000001Z"),
            (4_107_542_399_999_999_999, "2100-02-28T23:59:59.999999Z"),
        ])
    func timestamps(_ testCase: (UInt64, String)) {
        let (nanoseconds, expected) = testCase
        #expect(RFC3339.string(nanoseconds: nanoseconds) == expected)
    }

    @Test("durations are milliseconds with microsecond resolution")
    func durations() throws {
        for (nanoseconds, expected) in [(UInt64(0), "0.000"), (499, "0.000"), (500, "0.001"), (1_234_567, "1.235"), (61_000_000_000, "61000.000")] {
            var writer = JSONLineWriter()
            writer.appendMilliseconds(nanoseconds)
            let text = writer.buffer.withBytes { String(decoding: $0, as: UTF8.self) }
            #expect(text == "{\(expected)")
        }
    }

    @Test("sampling is deterministic for a trace id and close to its rate")
    func samplerDeterminism() {
        let ids = (0..<10_000).map { _ in TraceID.generate() }
        let first = ids.map { Sampler.isSampled($0, rate: 0.3) }
        let second = ids.map { Sampler.isSampled($0, rate: 0.3) }
        #expect(first == second)
        let kept = first.filter { $0 }.count
        #expect(kept > 2_500 && kept < 3_500)
        #expect(ids.allSatisfy { Sampler.isSampled($0, rate: 1) })
        #expect(!ids.contains { Sampler.isSampled($0, rate: 0) })
        // The pipeline keeps every trace whose decision is not Allow.
        let keeps = TraceConfiguration.pipeline.keepsTrace
        #expect(keeps { $0 == "final_decision" ? "deny" : nil })
        #expect(keeps { $0 == "final_decision" ? "Ask" : nil })
        #expect(!keeps { $0 == "final_decision" ? "Allow" : nil })
        #expect(!keeps { _ in nil })
        #expect(!TraceConfiguration().keepsTrace { _ in "deny" })  // the library alone keeps nothing extra
    }

    @Test("diagnostic lines are JSON with level, target and message, filtered by the threshold")
    func diagnostics() throws {
        let sink = InMemorySink()
        let log = DiagnosticLog(threshold: .warn, sink: sink, payload: TraceConfiguration.pipeline.payloadKeySet)
        log.info("hidden")
        log.warn("visible \"quoted\"\nsecond line")
        log.log(.error, "with fields", fields: ["policy": "a.rego", "tool_input": "secret"])
        #expect(sink.lines.count == 2)
        let first = try TraceLine(sink.lines[0])
        #expect(first.level == "WARN")
        #expect(first.message == "visible \"quoted\"\nsecond line")
        #expect(first["target"] as? String == "cupcake")
        let second = try TraceLine(sink.lines[1])
        #expect(second["policy"] as? String == "a.rego")
        #expect(second["tool_input"] == nil)
    }
}
