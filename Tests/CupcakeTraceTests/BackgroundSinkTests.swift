import CupcakeEngine
import Foundation
import Testing

@testable import CupcakeTrace

/// The background sink: lines arrive whole and in order, `flush` writes them at once, and a
/// reader that stops reading makes the sink refuse lines instead of blocking the traced thread.
/// Each test has a writer of its own: one stalled on purpose must not hold up the others.
@Suite("Background sink")
struct BackgroundSinkTests {
    /// A pipe whose read end is drained into memory by a thread until it is closed.
    final class DrainedPipe: @unchecked Sendable {
        let readEnd: Int32
        let writeEnd: Int32
        private let done = DispatchSemaphore(value: 0)
        private var collected: [UInt8] = []

        init(startDraining: Bool = true) throws {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            readEnd = ends[0]
            writeEnd = ends[1]
            if startDraining { drain() }
        }

        func drain() {
            Thread.detachNewThread { [self] in
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                    if count <= 0 { break }
                    collected += chunk[0..<count]
                }
                close(readEnd)
                done.signal()
            }
        }

        /// Closes the write end and returns everything read.
        func finish() -> [UInt8] {
            close(writeEnd)
            done.wait()
            return collected
        }
    }

    @Test("lines from several threads arrive whole and, per thread, in order; flush writes them now")
    func orderAndFlush() throws {
        let pipe = try DrainedPipe()
        let sink = BackgroundFileDescriptorSink(fileDescriptor: pipe.writeEnd, writer: BackgroundWriter(limit: BackgroundWriter.defaultLimit))
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<500 {
                let line = Array("{\"worker\":\(worker),\"index\":\(index)}\n".utf8)
                let accepted = line.withUnsafeBytes { sink.write($0) }
                #expect(accepted)
            }
        }
        #expect(sink.flush(timeout: 30))
        let text = String(decoding: pipe.finish(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2000)
        var next = [Int](repeating: 0, count: 4)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Int])
            let worker = try #require(object["worker"])
            #expect(object["index"] == next[worker])
            next[worker] += 1
        }
    }

    @Test("lines are written without a flush, within moments")
    func writtenInTheBackground() throws {
        let pipe = try DrainedPipe(startDraining: false)
        let sink = BackgroundFileDescriptorSink(fileDescriptor: pipe.writeEnd, writer: BackgroundWriter(limit: BackgroundWriter.defaultLimit))
        _ = Array("{\"a\":1}\n".utf8).withUnsafeBytes { sink.write($0) }
        var received = [UInt8](repeating: 0, count: 64)
        // A blocking read: returns once the background thread has written the line.
        let count = received.withUnsafeMutableBytes { read(pipe.readEnd, $0.baseAddress, $0.count) }
        #expect(String(decoding: received[0..<max(0, count)], as: UTF8.self) == "{\"a\":1}\n")
        pipe.drain()
        _ = pipe.finish()
    }

    @Test("a reader that stops reading makes the sink refuse lines instead of blocking")
    func stalledReaderRefuses() throws {
        let pipe = try DrainedPipe(startDraining: false)
        let sink = BackgroundFileDescriptorSink(fileDescriptor: pipe.writeEnd, writer: BackgroundWriter(limit: BackgroundWriter.defaultLimit))
        let line = Array((String(repeating: "x", count: 65_534) + "\n").utf8)
        var refused = false
        var accepted = 0
        // 8 MiB may wait; the pipe holds 64 KiB. Every write returns at once either way.
        for _ in 0..<200 where !refused {
            refused = !line.withUnsafeBytes { sink.write($0) }
            if !refused { accepted += 1 }
        }
        #expect(refused)
        // Refused once one more line would pass the limit. What counts against it is everything
        // accepted less the batches written whole, which a reader that reads nothing bounds by
        // what the pipe holds.
        #expect((accepted + 1) * line.count > BackgroundWriter.defaultLimit)
        #expect(accepted * line.count <= BackgroundWriter.defaultLimit + (try Self.pipeCapacity()))
        pipe.drain()  // unblocks the background thread, which writes everything it accepted
        #expect(sink.flush(timeout: 30))
        let received = pipe.finish()
        #expect(received == Array([[UInt8]](repeating: line, count: accepted).joined()))  // everything accepted, whole
    }

    /// How many bytes a pipe takes before a writer blocks, measured: 64 KiB with 4 KiB pages,
    /// more with larger pages, less once the user's pipes pass their soft limit.
    static func pipeCapacity() throws -> Int {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        defer { ends.forEach { close($0) } }
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        let page = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while true {
            let written = page.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
            if written <= 0 { return total }
            total += written
        }
    }

    @Test("flushing gives up after its timeout when the reader is stalled, instead of hanging")
    func boundedFlush() throws {
        let pipe = try DrainedPipe(startDraining: false)
        let sink = BackgroundFileDescriptorSink(
            fileDescriptor: pipe.writeEnd, writer: BackgroundWriter(limit: BackgroundWriter.defaultLimit))
        // 200 numbered lines of 1 KiB, 200 KiB into a 64 KiB pipe; the numbers show the order.
        let lines = (0..<200).map { Array((String(format: "%04d", $0) + String(repeating: "y", count: 1019) + "\n").utf8) }
        for line in lines { #expect(line.withUnsafeBytes { sink.write($0) }) }
        let start = Date()
        #expect(!sink.flush(timeout: 0.2))
        #expect(Date().timeIntervalSince(start) < 5)
        // The timed-out flush gives up the lines it had taken and not written; none when the
        // background thread held them at that moment (blocked on the full pipe). How many depends
        // on that race, but they are the last ones: batches are written in order.
        let givenUp = sink.unwrittenLineCount
        try #require(givenUp <= 200, "more lines given up than were written")
        pipe.drain()
        // The rest goes out once the reader drains. Only then may the descriptor be closed (a
        // number closed with lines still queued would be written to when it is reused).
        #expect(sink.flush(timeout: 30))
        let received = pipe.finish()
        // Every line is either received, whole and in order, or counted as given up: 200 in all.
        #expect(received == Array(lines.prefix(200 - givenUp).joined()), "\(givenUp) given up")
        #expect(sink.unwrittenLineCount == givenUp, "nothing is lost once the reader drains")
    }

    @Test("a batch goes out in pieces of whole lines, none longer than PIPE_BUF")
    func wholeLinePieces() {
        // One write of a many-line batch to a pipe is not atomic past PIPE_BUF: another process
        // writing to the same pipe could split a line. Pieces end after a newline instead.
        func pieces(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
            bytes.withUnsafeBytes { buffer in
                var result: [ArraySlice<UInt8>] = []
                var offset = 0
                while offset < buffer.count {
                    let length = BackgroundWriter.pieceLength(buffer, from: offset)
                    result.append(bytes[offset..<(offset + length)])
                    offset += length
                }
                return result
            }
        }
        let line = Array((String(repeating: "z", count: 299) + "\n").utf8)
        let batch = Array([[UInt8]](repeating: line, count: 30).joined())
        let cut = pieces(batch)
        #expect(cut.count > 1)
        #expect(cut.allSatisfy { $0.count <= pipeAtomicBytes && $0.last == 0x0A && $0.count % line.count == 0 })
        #expect(Array(cut.joined()) == batch)
        // A line longer than PIPE_BUF cannot be kept whole: it goes in PIPE_BUF pieces.
        let long = Array((String(repeating: "w", count: 10_000) + "\n").utf8)
        #expect(pieces(long).map(\.count) == [4096, 4096, 1809])
        #expect(pieces([]).isEmpty)
    }

    @Test("lines that cannot be written (a closed descriptor) are counted by the sink and the tracer")
    func failedWritesAreCounted() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])  // no reader: writes fail with EPIPE (SIGPIPE is ignored)
        let sink = BackgroundFileDescriptorSink(
            fileDescriptor: ends[1], writer: BackgroundWriter(limit: BackgroundWriter.defaultLimit))
        let tracer = Tracer(configuration: TraceConfiguration.pipeline(categories: .all, sink: sink))
        for _ in 0..<3 { tracer.withSpan("evaluate", category: .root) { _ in } }
        // Once a flush returns, every line has been tried, by the thread or by the flush.
        _ = sink.flush(timeout: 5)
        #expect(sink.unwrittenLineCount == 3)
        #expect(tracer.droppedLineCount == 3)
        close(ends[1])
    }
}
