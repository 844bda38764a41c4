/// A gzip (RFC 1952) decompressor: every member's header flags, CRC-32 and ISIZE are checked, and
/// concatenated members decompress to the concatenation of their contents.
package enum Gzip {
    /// Default bound on decompressed output: 64 MiB.
    package static let defaultOutputLimit = 64 << 20

    /// True when `bytes` starts with the gzip magic 1f 8b.
    package static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses every member of the gzip data `bytes`.
    ///
    /// Zero bytes after the last member (padding some tools add) are ignored; anything else is an
    /// error. Output past `limit` bytes stops with `GzipError.outputLimitExceeded`.
    package static func decompress(_ bytes: [UInt8], limit: Int = defaultOutputLimit) throws(GzipError) -> [UInt8] {
        var stats = DeflateBlockStats()
        return try decompress(bytes, limit: limit, stats: &stats)
    }

    /// As `decompress(_:limit:)`, also counting the deflate block kinds seen.
    package static func decompress(_ bytes: [UInt8], limit: Int, stats: inout DeflateBlockStats) throws(GzipError) -> [UInt8] {
        guard hasMagic(bytes) else { throw .notGzip }
        var sink = ByteSink(initialCapacity: initialCapacity(bytes, limit: limit), limit: limit)
        try bytes.withUnsafeBufferPointer { (buf) throws(GzipError) -> Void in
            var pos = 0
            repeat {
                pos = try member(buf, at: pos, into: &sink, stats: &stats)
            } while pos + 1 < buf.count && buf[pos] == 0x1F && buf[pos + 1] == 0x8B
            if let garbage = buf[pos...].firstIndex(where: { $0 != 0 }) {
                throw .trailingGarbage(offset: garbage)
            }
        }
        return sink.bytes()
    }

    /// The last member's ISIZE is a good first guess of the output size; deflate cannot expand by
    /// more than about 1032:1, which bounds a hostile guess.
    private static func initialCapacity(_ bytes: [UInt8], limit: Int) -> Int {
        guard bytes.count >= 4 else { return 4096 }
        let n = bytes.count
        let isize = Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
        let bound = n.multipliedReportingOverflow(by: 1032)
        let plausible = bound.overflow ? isize : min(isize, bound.partialValue)
        return max(4096, min(plausible, limit))
    }

    /// Decodes the member starting at `start`; returns the offset just past its trailer.
    private static func member(
        _ buf: UnsafeBufferPointer<UInt8>, at start: Int, into sink: inout ByteSink,
        stats: inout DeflateBlockStats
    ) throws(GzipError) -> Int {
        let dataStart = try headerEnd(buf, at: start)
        let outputStart = sink.count
        let end: Int
        do {
            end = try Inflate.inflate(buf, from: dataStart, into: &sink, stats: &stats)
        } catch {
            if case .outputLimitExceeded(let limit) = error { throw .outputLimitExceeded(limit: limit) }
            throw .corruptData(error)
        }
        guard buf.count - end >= 8 else { throw .truncatedTrailer }
        let storedCRC = readLE32(buf, end)
        let storedSize = readLE32(buf, end + 4)
        let computedCRC = sink.crc32(from: outputStart)
        guard storedCRC == computedCRC else { throw .crcMismatch(stored: storedCRC, computed: computedCRC) }
        let computedSize = UInt32(truncatingIfNeeded: sink.count - outputStart)
        guard storedSize == computedSize else { throw .sizeMismatch(stored: storedSize, computed: computedSize) }
        return end + 8
    }

    /// Validates the member header at `start`; returns where the deflate data begins.
    private static func headerEnd(_ buf: UnsafeBufferPointer<UInt8>, at start: Int) throws(GzipError) -> Int {
        guard buf.count - start >= 10 else { throw .truncatedHeader }
        guard buf[start] == 0x1F, buf[start + 1] == 0x8B else { throw .notGzip }
        guard buf[start + 2] == 8 else { throw .unsupportedMethod(buf[start + 2]) }
        let flags = buf[start + 3]
        guard flags & 0xE0 == 0 else { throw .reservedFlags(flags) }
        var pos = start + 10
        if flags & 0x04 != 0 {  // FEXTRA: two-byte length, then that many bytes
            guard buf.count - pos >= 2 else { throw .truncatedHeader }
            let extraLength = Int(buf[pos]) | Int(buf[pos + 1]) << 8
            pos += 2
            guard buf.count - pos >= extraLength else { throw .truncatedHeader }
            pos += extraLength
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
            guard let nul = buf[pos...].firstIndex(of: 0) else { throw .truncatedHeader }
            pos = nul + 1
        }
        if flags & 0x02 != 0 {  // FHCRC: low 16 bits of the CRC-32 of the header so far
            guard buf.count - pos >= 2 else { throw .truncatedHeader }
            var crc = CRC32()
            crc.update(UnsafeBufferPointer(rebasing: buf[start..<pos]))
            let stored = UInt16(buf[pos]) | UInt16(buf[pos + 1]) << 8
            guard stored == UInt16(truncatingIfNeeded: crc.value) else { throw .headerCRCMismatch }
            pos += 2
        }
        return pos
    }

    private static func readLE32(_ buf: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(buf[at]) | UInt32(buf[at + 1]) << 8 | UInt32(buf[at + 2]) << 16 | UInt32(buf[at + 3]) << 24
    }
}
