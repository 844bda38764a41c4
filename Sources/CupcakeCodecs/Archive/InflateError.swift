/// Why a DEFLATE stream could not be decoded.
public enum InflateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended inside the stream.
    case truncated
    /// A block header names the reserved block type 3.
    case invalidBlockType
    /// A stored block's length and its one's complement disagree.
    case storedLengthMismatch
    /// A dynamic block's code description is invalid; the text says how.
    case invalidHuffmanHeader(String)
    /// The bits do not form a code of the block, or name a reserved symbol.
    case invalidCode
    /// A back-reference points before the start of the output.
    case distanceTooFar(distance: Int, available: Int)
    /// The output would pass the configured limit (a "zip bomb" or an unexpectedly large payload).
    case outputLimitExceeded(limit: Int)

    public var description: String {
        switch self {
        case .truncated:
            return "truncated: compressed data ends unexpectedly"
        case .invalidBlockType:
            return "invalid deflate block type 3"
        case .storedLengthMismatch:
            return "stored block length does not match its complement"
        case .invalidHuffmanHeader(let why):
            return "invalid dynamic Huffman block header: \(why)"
        case .invalidCode:
            return "invalid Huffman code in compressed data"
        case .distanceTooFar(let distance, let available):
            return "back-reference distance \(distance) exceeds the \(available) bytes decoded so far"
        case .outputLimitExceeded(let limit):
            return "decompressed size exceeds the limit of \(limit) bytes"
        }
    }
}
