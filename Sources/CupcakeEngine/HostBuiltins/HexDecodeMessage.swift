
extension HexCoding.DecodeError {
    /// The message Go's encoding/hex gives, as OPA's `hex.decode` reports it.
    var message: String {
        switch self {
        case .oddLength:
            return "encoding/hex: odd length hex string"
        case .invalidByte(let byte):
            return "encoding/hex: invalid byte: \(GoQuoting.unicodeNotation(UInt32(byte), withCharacter: true))"
        }
    }
}
