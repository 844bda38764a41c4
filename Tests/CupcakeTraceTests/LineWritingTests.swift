import CupcakeEngine
import CupcakeTestSupport
import Foundation
import Synchronization
import Testing

@testable import CupcakeTrace

/// Records every `write` call as one chunk, to see which lines travel together.
final class ChunkSink: Sink {
    private let storage = Mutex<[String]>([])

    func write(_ lines: UnsafeRawBufferPointer) -> Bool {
        let chunk = String(decoding: lines, as: UTF8.self)
        storage.withLock { $0.append(chunk) }
        return true
    }

    var chunks: [String] { storage.withLock { $0 } }

    /// The span names of each chunk's lines, in order.
    func spanNames() throws -> [[String]] {
        try chunks.map { chunk in
            try chunk.split(separator: "\n").map { try #require(TraceLine(String($0))["span"] as? String) }
        }
    }
}

/// How lines are handed to the sink and how field values and keys are written.
@Suite("Line writing")
struct LineWritingTests {
    func tracer(_ sink: some Sink, _ categories: TraceCategory = .all, sample: Double = 1) -> Tracer {
        Tracer(configuration: TraceConfiguration.pipeline(categories: categories, sink: sink).sampled(sample))
    }

    @Test("children of a synchronous span reach the sink with it, in one write, children first")
    func synchronousChildrenTravelWithTheirParent() throws {
        let sink = ChunkSink()
        let tracer = tracer(sink)
        tracer.withSpan("evaluate", category: .root) { _ in
            tracer.withSpan("route", category: .stage(.routing)) { _ in
                tracer.withSpan("route_policy", category: .routing) { _ in }
                tracer.withSpan("route_policy", category: .routing) { _ in }
            }
            tracer.withSpan("synthesize", category: .stage(.synthesis)) { _ in }
        }
        #expect(try sink.spanNames() == [["route_policy", "route_policy", "route", "synthesize", "evaluate"]])
    }

    @Test("under an async parent each synchronous child is written when it ends")
    func asyncParentWritesChildrenAtOnce() async throws {
        let sink = ChunkSink()
        let tracer = tracer(sink)
        let seenInside = Mutex<[[String]]>([])
        await tracer.withSpan("evaluate", category: .root) { _ in
            await Task.yield()
            tracer.withSpan("route", category: .stage(.routing)) { _ in
                tracer.withSpan("route_policy", category: .routing) { _ in }
            }
            let names = (try? sink.spanNames()) ?? []
            seenInside.withLock { $0 = names }
            tracer.withSpan("synthesize", category: .stage(.synthesis)) { _ in }
        }
        #expect(seenInside.withLock { $0 } == [["route_policy", "route"]])
        #expect(try sink.spanNames() == [["route_policy", "route"], ["synthesize"], ["evaluate"]])
    }

    @Test("an error in a child does not lose the lines gathered before it")
    func childErrorKeepsLines() throws {
        struct Failure: Error {}
        let sink = ChunkSink()
        let tracer = tracer(sink)
        let outcome: Void? = try? tracer.withSpan("evaluate", category: .root) { _ in
            tracer.withSpan("route", category: .stage(.routing)) { _ in }
            try tracer.withSpan("synthesize", category: .stage(.synthesis)) { _ in throw Failure() }
        }
        #expect(outcome == nil)
        let lines = try sink.chunks.joined().split(separator: "\n").map { try TraceLine(String($0)) }
        #expect(lines.map { $0["span"] as? String } == ["route", "synthesize", "evaluate"])
        #expect(lines.map { $0["level"] as? String } == ["INFO", "ERROR", "ERROR"])
    }

    @Test("a sampled-out trace writes none of its gathered lines; a kept one writes all")
    func sampledTracesWithGatheredLines() throws {
        let sink = ChunkSink()
        let tracer = tracer(sink, sample: 0)
        tracer.withSpan("evaluate", category: .root) { root in
            tracer.withSpan("route", category: .stage(.routing)) { _ in
                tracer.withSpan("route_policy", category: .routing) { _ in }
            }
            root.record("final_decision", "allow")
        }
        #expect(sink.chunks.isEmpty)
        tracer.withSpan("evaluate", category: .root) { root in
            tracer.withSpan("route", category: .stage(.routing)) { _ in
                tracer.withSpan("route_policy", category: .routing) { _ in }
            }
            root.record("final_decision", "deny")
        }
        #expect(try sink.spanNames().flatMap { $0 } == ["route_policy", "route", "evaluate"])
    }

    @Test("doubles: six decimals without trailing zeros, exact forms outside that range")
    func doubles() throws {
        let sink = ChunkSink()
        let tracer = tracer(sink)
        tracer.withSpan(
            "evaluate", category: .root,
            fields: ["ms": 0.068237, "neg": -2.25, "rounded": 0.1234567, "tiny": 0.0000001, "huge": 12_345_678_901.5,
                     "carry": 0.9999999]
        ) { _ in }
        let text = sink.chunks.joined()
        #expect(text.contains(#""ms":0.068237,"#))
        #expect(text.contains(#""neg":-2.25,"#))
        #expect(text.contains(#""rounded":0.123457,"#))
        #expect(text.contains(#""tiny":1e-07,"#))
        #expect(text.contains(#""huge":12345678901.5,"#))
        #expect(text.contains(#""carry":1}"#))
        let line = try TraceLine(text.trimmingCharacters(in: .newlines))
        #expect(line["tiny"] as? Double == 0.0000001)
    }

    @Test("keys are compared byte for byte: canonically equal spellings stay two fields")
    func keysAreBytes() throws {
        let sink = ChunkSink()
        let tracer = tracer(sink)
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        tracer.withSpan("evaluate", category: .root, fields: [composed: 1]) { span in
            span.record(decomposed, 2)
            span.record(composed, 3)  // the same bytes: replaces the start value in place
        }
        let text = sink.chunks.joined()
        #expect(text.contains("\"\(composed)\":3,\"\(decomposed)\":2}"))
        #expect(!text.contains("\"\(composed)\":1"))
    }

    @Test("reserved and payload keys are recognised by their bytes, other keys of their length pass")
    func classification() {
        let keys = TraceConfiguration.pipeline.payloadKeySet, none = PayloadKeys([])
        defer { withExtendedLifetime((keys, none)) {} }
        let payload = keys.table
        #expect(FieldKeys.classify("level", payload: payload) == .reserved)
        #expect(FieldKeys.classify("parent_span_id", payload: payload) == .reserved)
        #expect(FieldKeys.classify("stdout", payload: payload) == .payload)
        #expect(FieldKeys.classify("tool_response", payload: payload) == .payload)
        #expect(FieldKeys.classify("levels", payload: payload) == [])
        #expect(FieldKeys.classify("stdoux", payload: payload) == [])
        #expect(FieldKeys.classify("Level", payload: payload) == [])
        #expect(FieldKeys.classify("", payload: payload) == [])
        #expect(FieldKeys.classify("stdout", payload: none.table) == [])  // payload only when named
        #expect(FieldKeys.same("signal_name", "signal_name"))
        #expect(!FieldKeys.same("signal_name", "signal_namE"))
        #expect(FieldKeys.same("", ""))
        let long = String(repeating: "k", count: 40)
        #expect(FieldKeys.same(long, String(repeating: "k", count: 40)))
        #expect(!FieldKeys.same(long, String(repeating: "k", count: 39) + "j"))
    }

    /// What every string must become, written the slow and obvious way.
    static func referenceEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("every length and position: one special character is escaped exactly, the rest copied")
    func escapingSweep() {
        // The plain path copies 8 bytes, two overlapping halves or single bytes depending on the
        // length; a special character anywhere must send the text to the escaping path.
        let specials = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "\u{2029}", "€", "😀"]
        for length in 0...20 {
            let plain = String((0..<length).map { Character(UnicodeScalar(UInt8(0x41 + $0 % 26))) })
            var writer = JSONLineWriter(capacity: 8)
            writer.appendQuoted(plain, limit: .max)
            #expect(writer.buffer.array == Array("{\"\(plain)\"".utf8), "plain length \(length)")
            for position in 0...length {
                for special in specials {
                    var text = plain
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                    var writer = JSONLineWriter(capacity: 8)
                    writer.appendQuoted(text, limit: .max)
                    let expected = "{\"" + Self.referenceEscape(text) + "\""
                    #expect(writer.buffer.array == Array(expected.utf8), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("keys are escaped and prefixed like values, after one comma")
    func keyWriting() {
        var writer = JSONLineWriter(capacity: 8)
        writer.key("plain_key")
        writer.value(.int(1), limit: .max)
        writer.key("level", prefix: "field.")
        writer.value(.int(2), limit: .max)
        writer.key("quote\"d\nkey")
        writer.value(.int(3), limit: .max)
        writer.key("")
        writer.value(.int(4), limit: .max)
        writer.finish()
        let text = String(decoding: writer.buffer.array, as: UTF8.self)
        #expect(text == "{\"plain_key\":1,\"field.level\":2,\"quote\\\"d\\nkey\":3,\"\":4}\n")
    }

    @Test("a sink that traces while it writes gets its own lines written too, none lost or torn")
    func reentrantSink() throws {
        final class TracingSink: Sink, @unchecked Sendable {
            let inner = ChunkSink()
            var tracer: Tracer?
            private let depth = Mutex(0)
            func write(_ lines: UnsafeRawBufferPointer) -> Bool {
                let nested = depth.withLock { value -> Bool in
                    value += 1
                    return value == 1
                }
                defer { depth.withLock { $0 -= 1 } }
                if nested, let tracer { tracer.withSpan("sink_write", category: .root) { _ in } }
                return inner.write(lines)
            }
        }
        let sink = TracingSink()
        let tracer = tracer(sink)
        sink.tracer = tracer
        tracer.withSpan("evaluate", category: .root) { _ in
            tracer.withSpan("route", category: .stage(.routing)) { _ in
                tracer.withSpan("route_policy", category: .routing) { _ in }
            }
        }
        let names = try sink.inner.spanNames().flatMap { $0 }
        #expect(names.sorted() == ["evaluate", "route", "route_policy", "sink_write"])
        // The traced lines still arrive children first.
        #expect(names.filter { $0 != "sink_write" } == ["route_policy", "route", "evaluate"])
    }
}
