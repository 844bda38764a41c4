/// Why a gzip file could not be decompressed. Each case names the check that failed.
public enum GzipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data does not start with the gzip magic bytes 1f 8b.
    case notGzip
    /// A member uses a compression method other than 8 (deflate).
    case unsupportedMethod(UInt8)
    /// A member sets flag bits that RFC 1952 reserves.
    case reservedFlags(UInt8)
    /// The data ends inside a member header.
    case truncatedHeader
    /// The header CRC-16 (FHCRC) does not match the header.
    case headerCRCMismatch
    /// The compressed data of a member is corrupt.
    case corruptData(InflateError)
    /// The data ends inside a member's CRC-32/ISIZE trailer.
    case truncatedTrailer
    /// The CRC-32 of the decompressed member differs from the one stored in its trailer.
    case crcMismatch(stored: UInt32, computed: UInt32)
    /// The size of the decompressed member (mod 2^32) differs from ISIZE in its trailer.
    case sizeMismatch(stored: UInt32, computed: UInt32)
    /// Non-zero bytes follow the last member and are not another member.
    case trailingGarbage(offset: Int)
    /// The decompressed output would pass the configured limit.
    case outputLimitExceeded(limit: Int)

    public var description: String {
        switch self {
        case .notGzip:
            return "not a gzip file"
        case .unsupportedMethod(let m):
            return "corrupt gzip: unsupported compression method \(m) (only 8, deflate, exists)"
        case .reservedFlags(let f):
            return "corrupt gzip: reserved header flag bits set (flags 0x\(String(f, radix: 16)))"
        case .truncatedHeader:
            return "corrupt gzip: truncated member header"
        case .headerCRCMismatch:
            return "corrupt gzip: header CRC mismatch"
        case .corruptData(let e):
            return "corrupt gzip: \(e)"
        case .truncatedTrailer:
            return "corrupt gzip: truncated (CRC-32/size trailer missing)"
        case .crcMismatch(let stored, let computed):
            return "corrupt gzip: CRC-32 mismatch (stored \(hex(stored)), computed \(hex(computed)))"
        case .sizeMismatch(let stored, let computed):
            return "corrupt gzip: size mismatch (trailer says \(stored) bytes, decompressed \(computed))"
        case .trailingGarbage(let offset):
            return "corrupt gzip: unexpected data after the last member at byte \(offset)"
        case .outputLimitExceeded(let limit):
            return "decompressed size exceeds the limit of \(limit) bytes (possible gzip bomb)"
        }
    }

    private func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - s.count) + s
    }
}
