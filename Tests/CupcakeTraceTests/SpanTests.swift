import CupcakeEngine
import CupcakeTestSupport
import Foundation
import Synchronization
import Testing

@testable import CupcakeTrace

/// In-process behaviour of spans, with an in-memory sink.
@Suite("Spans")
struct SpanTests {
    func makeTracer(_ categories: TraceCategory, sample: Double = 1, sink: InMemorySink = InMemorySink()) -> (Tracer, InMemorySink) {
        (Tracer(configuration: TraceConfiguration.pipeline(categories: categories, sink: sink).sampled(sample)), sink)
    }

    @Test("a disabled span runs its body and evaluates none of its fields or recorded values")
    func disabledEvaluatesNothing() {
        let (tracer, sink) = makeTracer([])
        let evaluations = Atomic<Int>(0)
        func costly() -> TraceValue {
            evaluations.add(1, ordering: .relaxed)
            return "value"
        }
        let result = tracer.withSpan("evaluate", category: .root, fields: ["key": costly()]) { span in
            span.record("late", costly())
            span.event("nothing", fields: ["k": costly()])
            #expect(!span.isRecording)
            return 42
        }
        #expect(result == 42)
        #expect(evaluations.load(ordering: .relaxed) == 0)
        #expect(sink.lines.isEmpty)
    }

    @Test("nested spans: children end first, share the trace, and point at their parent")
    func nesting() throws {
        let (tracer, sink) = makeTracer(.all)
        tracer.withSpan("evaluate", category: .root) { _ in
            tracer.withSpan("route", category: .stage(.routing)) { _ in
                tracer.withSpan("route_policy", category: .routing) { _ in }
            }
        }
        let lines = try sink.lines.map(TraceLine.init)
        #expect(lines.map(\.span) == ["route_policy", "route", "evaluate"])
        #expect(lines[0].parentSpanID == lines[1].spanID)
        #expect(lines[1].parentSpanID == lines[2].spanID)
        #expect(lines[2].parentSpanID == nil)
        #expect(Set(lines.map(\.traceID)).count == 1)
    }

    @Test("spans started in child tasks get the span of the task that started them as parent")
    func taskLocalPropagation() async throws {
        let (tracer, sink) = makeTracer(.all)
        await tracer.withSpan("evaluate", category: .root) { _ in
            await tracer.withSpan("gather_signals", category: .stage(.signals)) { _ in
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<8 {
                        group.addTask {
                            await tracer.withSpan("signal", category: .signals, fields: ["index": .int(index)]) { _ in
                                async let nested: Void = tracer.withSpan("signal_detail", category: .signals) { _ in }
                                await nested
                            }
                        }
                    }
                }
            }
        }
        let lines = try sink.lines.map(TraceLine.init)
        #expect(lines.count == 18)  // root, gather_signals, 8 signals, 8 details
        let gather = try #require(lines.first(where: { $0.span == "gather_signals" }))
        let signals = lines.filter { $0.span == "signal" }
        let signalsUnderGather = signals.allSatisfy { $0.parentSpanID == gather.spanID }
        #expect(signalsUnderGather)
        let signalIDs = Set(signals.compactMap(\.spanID))
        let details = lines.filter { $0.span == "signal_detail" }
        let detailsUnderSignals = details.allSatisfy { signalIDs.contains($0.parentSpanID ?? "") }
        #expect(detailsUnderSignals)
        _ = TraceContract.checkTrees(lines)
    }

    @Test("separate evaluations get separate traces")
    func separateTraces() throws {
        let (tracer, sink) = makeTracer(.eval)
        for _ in 0..<50 { tracer.withSpan("evaluate", category: .root) { _ in } }
        let ids = try sink.lines.map { try TraceLine($0).traceID ?? "" }
        #expect(Set(ids).count == 50)
    }

    @Test("a thrown error ends the span with level ERROR and the error, and is rethrown unchanged")
    func thrownError() throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom: the policy trapped" } }
        let (tracer, sink) = makeTracer(.eval)
        #expect(throws: Boom.self) {
            try tracer.withSpan("evaluate", category: .root) { _ in
                try tracer.withSpan("wasm_eval", category: .stage(.wasm)) { _ in throw Boom() }
            }
        }
        let lines = try sink.lines.map(TraceLine.init)
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.level == "ERROR")
            #expect(line["error"] as? String == "boom: the policy trapped")
        }
    }


    /// A stage's own error type, so the catch blocks below only compile when withSpan keeps it.
    enum StageError: Error, Equatable, CustomStringConvertible {
        case failed(Int)
        var description: String { if case .failed(let code) = self { "stage failed: \(code)" } else { "" } }
    }

    @Test("withSpan rethrows the body's own error type, synchronous and async, traced or not", arguments: [true, false])
    func typedThrows(traced: Bool) async throws {
        let (tracer, sink) = makeTracer(traced ? .eval : [])
        do throws(StageError) {
            let value: Int = try tracer.withSpan("decode", category: .eval) { _ throws(StageError) in throw .failed(1) }
            Issue.record("no error, got \(value)")
        } catch {
            #expect(error == .failed(1))  // `error` is a StageError: no cast, no Result box
        }
        do throws(StageError) {
            let value: Int = try await tracer.withSpan("wasm_eval", category: .eval) { _ async throws(StageError) in
                await Task.yield()
                throw .failed(2)
            }
            Issue.record("no error, got \(value)")
        } catch {
            #expect(error == .failed(2))
        }
        let lines = try sink.lines.map(TraceLine.init)
        #expect(lines.map { $0["error"] as? String } == (traced ? ["stage failed: 1", "stage failed: 2"] : []))
    }
    @Test("record sets late fields; setting a key again replaces it in place")
    func recordReplaces() throws {
        let (tracer, sink) = makeTracer(.eval)
        tracer.withSpan("evaluate", category: .root, fields: ["final_decision": "pending", "tool_name": "Bash"]) { span in
            span.record("matched_policy_count", 1)
            span.record("matched_policy_count", 3)
            span.record("final_decision", "ask")
        }
        let line = try #require(try sink.lines.map(TraceLine.init).first)
        #expect(line["final_decision"] as? String == "ask")
        #expect(line["matched_policy_count"] as? Int == 3)
        let keys = line.raw.matches(of: /"final_decision"/).count
        #expect(keys == 1)
    }

    @Test("a field can never replace a required key")
    func reservedKeys() throws {
        let (tracer, sink) = makeTracer(.eval)
        tracer.withSpan(
            "evaluate", category: .root,
            fields: ["trace_id": "forged", "span": "forged", "parent_span_id": "forged", "timestamp": "forged"]
        ) { span in
            span.record("duration_ms", "forged")
            span.record("level", "forged")
        }
        let line = try #require(try sink.lines.map(TraceLine.init).first)
        TraceContract.check(line)
        #expect(line.span == "evaluate")
        #expect(line.level == "INFO")
        #expect(line["field.trace_id"] as? String == "forged")
        #expect(line["field.duration_ms"] as? String == "forged")
        #expect(line.raw.matches(of: /"trace_id"/).count == 1)
    }

    @Test("payload keys are dropped unless the payload category is on, whichever API records them")
    func payloadGating() throws {
        let (off, offSink) = makeTracer(.eval)
        off.withSpan("evaluate", category: .root, fields: ["tool_input": "rm -rf /", "prompt": "secret"]) { span in
            span.record("stdout", "secret")
            span.recordPayload("command", "secret")
        }
        #expect(!offSink.lines.joined().contains("secret"))
        #expect(!offSink.lines.joined().contains("rm -rf"))
        let (on, onSink) = makeTracer([.eval, .payload])
        on.withSpan("evaluate", category: .root, fields: ["tool_input": "rm -rf /"]) { span in
            span.recordPayload("command", String(repeating: "é", count: 2000))
        }
        let line = try #require(try onSink.lines.map(TraceLine.init).first)
        #expect(line["tool_input"] as? String == "rm -rf /")
        let command = try #require(line["command"] as? String)
        #expect(command.hasPrefix("éé"))
        #expect(command.hasSuffix("bytes]"))
        // Truncation happens on a character boundary: no broken é.
        #expect(!command.contains("\u{FFFD}"))
        #expect(command.utf8.count <= TraceConfiguration.defaultMaxPayloadBytes + 32)
    }

    @Test("hostile strings round-trip exactly through a line")
    func hostileRoundTrip() throws {
        let (tracer, sink) = makeTracer(.eval)
        let nasty = "a\"b\\c\n\r\t\u{0}\u{1}\u{1F}\u{7F}\u{2028}\u{2029}é😀" + String(decoding: [0xFF, 0xC3] as [UInt8], as: UTF8.self)
        tracer.withSpan("evaluate", category: .root, fields: ["tool_name": .string(nasty), "key\"\n": "v"]) { _ in }
        #expect(sink.lines.count == 1)
        let line = try #require(try sink.lines.map(TraceLine.init).first)
        #expect(line["tool_name"] as? String == nasty)
        #expect(line["key\"\n"] as? String == "v")
        #expect(!line.raw.contains("\n"))
    }

    @Test("a 1 MB field value is cut to the field limit")
    func hugeValue() throws {
        let (tracer, sink) = makeTracer(.eval)
        tracer.withSpan("evaluate", category: .root, fields: ["session_id": .string(String(repeating: "x", count: 1 << 20))]) { _ in }
        let line = try #require(try sink.lines.map(TraceLine.init).first)
        let session = try #require(line["session_id"] as? String)
        #expect(session == String(repeating: "x", count: 1024) + "…[+\((1 << 20) - 1024) bytes]")
    }

    @Test("value types are written as JSON types")
    func valueTypes() throws {
        let (tracer, sink) = makeTracer(.eval)
        tracer.withSpan(
            "evaluate", category: .root,
            fields: ["i": -42, "d": 1.5, "whole": 2.0, "nan": .double(.nan), "b": true, "n": nil, "list": .strings(["a", "b"]),
                     "long": .strings((0..<100).map(String.init))]
        ) { _ in }
        let line = try #require(try sink.lines.map(TraceLine.init).first)
        #expect(line["i"] as? Int == -42)
        #expect(line["d"] as? Double == 1.5)
        #expect(line["whole"] as? Int == 2)
        #expect(line["nan"] is NSNull)
        #expect(line["b"] as? Bool == true)
        #expect(line["n"] is NSNull)
        #expect(line["list"] as? [String] == ["a", "b"])
        let long = try #require(line["long"] as? [String])
        #expect(long.count == 65)
        #expect(long.last == "…[+36 more]")
    }

    @Test("a failing sink never reaches the caller; its lines are counted as dropped")
    func failingSink() {
        let sink = InMemorySink(failing: true)
        let (tracer, _) = makeTracer(.all, sink: sink)
        let result = tracer.withSpan("evaluate", category: .root) { _ in
            tracer.withSpan("route", category: .stage(.routing)) { _ in 7 }
        }
        #expect(result == 7)
        #expect(tracer.droppedLineCount == 2)
        sink.setFailing(false)
        tracer.withSpan("evaluate", category: .root) { _ in }
        #expect(tracer.droppedLineCount == 2)
        #expect(sink.lines.count == 1)
    }

    @Test("a sampled-out trace writes nothing; a kept one writes all its lines together")
    func sampledTraces() throws {
        let (tracer, sink) = makeTracer(.all, sample: 0)
        tracer.withSpan("evaluate", category: .root) { root in
            tracer.withSpan("route", category: .stage(.routing)) { _ in }
            #expect(sink.lines.isEmpty)  // held until the root ends
            root.record("final_decision", "allow")
        }
        #expect(sink.lines.isEmpty)
        tracer.withSpan("evaluate", category: .root) { root in
            tracer.withSpan("route", category: .stage(.routing)) { _ in }
            root.record("final_decision", "halt")
        }
        #expect(sink.lines.count == 2)
        tracer.withSpan("evaluate", category: .root) { root in
            root.recordError(CancellationError())
            root.record("final_decision", "allow")
        }
        #expect(sink.lines.count == 3)
    }

    @Test("Span.traceparent names the current span for child processes")
    func traceparentForChildren() throws {
        let (tracer, _) = makeTracer(.eval)
        let header = tracer.withSpan("evaluate", category: .root) { span in span.traceparent }
        let text = try #require(header)
        let parsed = try #require(TraceParent(text))
        #expect(parsed.flags == 1)
        let disabled = Tracer.disabled.withSpan("evaluate", category: .root) { span in span.traceparent }
        #expect(disabled == nil)
    }

    @Test("Tracer.currentSpan sees the span of the running task")
    func currentSpan() {
        let (tracer, _) = makeTracer(.eval)
        #expect(!Tracer.currentSpan.isRecording)
        tracer.withSpan("evaluate", category: .root) { span in
            #expect(Tracer.currentSpan.spanID == span.spanID)
        }
    }
}
