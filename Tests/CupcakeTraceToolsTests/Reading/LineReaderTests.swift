import CupcakeTrace
import CupcakeTraceTools
import Testing

extension ReadingTests {
    @Suite("Line reader")
    struct LineReaderTests {
        static func lines(_ text: String, chunkSize: Int, maxLineBytes: Int = 1 << 20) -> (lines: [String], overlong: Int) {
            let bytes = Array(text.utf8)
            var offset = 0
            var reader = LineReader(maxLineBytes: maxLineBytes, chunkSize: chunkSize) { buffer in
                let count = min(buffer.count, bytes.count - offset)
                for index in 0..<count { buffer[index] = bytes[offset + index] }
                offset += count
                return count
            }
            var lines: [String] = []
            while let line = reader.next({ String(decoding: $0, as: UTF8.self) }) { lines.append(line) }
            return (lines, reader.overlongLines)
        }

        @Test("lines split across chunks of any size come back whole", arguments: [1, 2, 3, 7, 64 * 1024])
        func chunks(size: Int) {
            let result = Self.lines("alpha\nbeta\r\n\ngamma without newline", chunkSize: size)
            #expect(result.lines == ["alpha", "beta", "", "gamma without newline"])
            #expect(result.overlong == 0)
        }

        @Test("empty input gives no lines")
        func empty() {
            #expect(Self.lines("", chunkSize: 4).lines.isEmpty)
            var reader = LineReader(bytes: [])
            #expect(reader.next({ _ in true }) == nil)
        }

        @Test("a line over the limit is skipped whole and counted, inside a chunk or across chunks",
              arguments: [3, 5, 1024])
        func overlong(chunkSize: Int) {
            let text = "ok\n" + String(repeating: "x", count: 50) + "\nfine\n" + String(repeating: "y", count: 30)
            let result = Self.lines(text, chunkSize: chunkSize, maxLineBytes: 10)
            #expect(result.lines == ["ok", "fine"])
            #expect(result.overlong == 2)
        }

        @Test("a read error ends the input and is reported")
        func readError() {
            var calls = 0
            var reader = LineReader(chunkSize: 8) { buffer in
                calls += 1
                if calls == 1 {
                    for (index, byte) in "one\ntw".utf8.enumerated() { buffer[index] = byte }
                    return 6
                }
                return -5  // EIO
            }
            var lines: [String] = []
            while let line = reader.next({ String(decoding: $0, as: UTF8.self) }) { lines.append(line) }
            #expect(lines == ["one", "tw"])
            #expect(reader.readError == 5)
        }
    }
}
