/// One member of a tar archive, its data left in place in the archive bytes.
package struct TarMember: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// Regular file ('0', '\0', or '7' contiguous).
        case file
        /// Directory ('5', or a regular-file entry whose name ends in "/").
        case directory
        /// Link, device, FIFO or an unknown type: listed, never followed or extracted.
        case other(UInt8)
    }

    /// Full member name as stored (pax `path`, GNU long name, or ustar prefix + name).
    package var name: String
    package var kind: Kind
    /// Where the member's data lies in the archive.
    package var data: Range<Int>
}

/// Why a tar archive could not be read.
package enum TarError: Error, Equatable, Sendable {
    /// A header's checksum does not match (at offset 0: this is not a tar archive at all).
    case badChecksum(offset: Int)
    /// A header field cannot be parsed; the text names it.
    case badHeader(offset: Int, String)
    /// The archive ends inside a header or member data, or lacks its end-of-archive blocks.
    case truncated
    /// More members than the configured limit.
    case tooManyMembers(limit: Int)
    /// The data is shorter than one header block (so it cannot be an archive at all).
    case tooShort(byteCount: Int)
}

/// Reads ustar, POSIX pax and GNU tar archives held in memory.
///
/// Supported: 512-byte headers with verified checksums, octal and GNU base-256 sizes, ustar name
/// prefixes, GNU long names ('L'), pax extended headers ('x': `path` and `size`; 'g' ignored).
/// An archive ends with a zero block followed by another zero block or by the end of the data.
package enum TarReader {
    private static let block = 512
    /// Longest GNU long name or pax header accepted; real ones are a few hundred bytes.
    private static let maxMetadataSize = 1 << 20

    /// All members of `archive`, in order (metadata headers consumed, not listed).
    package static func members(of archive: [UInt8], maxMembers: Int) throws(TarError) -> [TarMember] {
        var result: [TarMember] = []
        var pos = 0
        var pendingName: String?
        var pendingSize: Int?
        if archive.count < block { throw .tooShort(byteCount: archive.count) }
        while true {
            guard archive.count - pos >= block else { throw .truncated }
            let header = archive[pos..<pos + block]
            if header.allSatisfy({ $0 == 0 }) {
                let next = pos + block
                if archive.count - next < block || archive[next..<next + block].allSatisfy({ $0 == 0 }) {
                    return result
                }
                throw .badHeader(offset: next, "data after the end-of-archive block")
            }
            let headerPos = pos
            try verifyChecksum(archive, at: pos)
            let type = archive[pos + 156]
            var size = try numericField(archive, at: pos, offset: 124, length: 12, name: "size")
            let isMetadata = [UInt8(ascii: "L"), UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "K")].contains(type)
            if let pendingSize, !isMetadata { size = pendingSize }
            if [UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "5"),
                UInt8(ascii: "6")].contains(type) {
                size = 0  // header-only types: any size field is meaningless
            }
            let dataStart = pos + block
            guard size <= archive.count - dataStart else { throw .truncated }
            let padded = (size + block - 1) / block * block
            guard padded <= archive.count - dataStart else { throw .truncated }
            let data = dataStart..<dataStart + size
            pos = dataStart + padded

            switch type {
            case UInt8(ascii: "L"):  // GNU long name of the next member
                guard size <= maxMetadataSize else { throw .badHeader(offset: headerPos, "long name too long") }
                pendingName = cString(archive[data])
                continue
            case UInt8(ascii: "x"):  // pax extended header of the next member
                guard size <= maxMetadataSize else { throw .badHeader(offset: headerPos, "pax header too long") }
                let records = try paxRecords(archive[data], headerOffset: headerPos)
                if let path = records["path"] { pendingName = path }
                if let sizeText = records["size"] {
                    guard let parsed = Int(sizeText), parsed >= 0 else {
                        throw .badHeader(offset: headerPos, "pax size \"\(sizeText)\" is not a number")
                    }
                    pendingSize = parsed
                }
                continue
            case UInt8(ascii: "g"), UInt8(ascii: "K"):  // pax global header, GNU long link name: unused
                continue
            default:
                break
            }

            let name = pendingName ?? headerName(archive, at: headerPos)
            pendingName = nil
            pendingSize = nil
            let kind: TarMember.Kind
            switch type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                kind = name.hasSuffix("/") ? .directory : .file
            case UInt8(ascii: "5"):
                kind = .directory
            default:
                kind = .other(type)
            }
            guard result.count < maxMembers else { throw .tooManyMembers(limit: maxMembers) }
            result.append(TarMember(name: name, kind: kind, data: data))
        }
    }

    /// The checksum is the sum of the header bytes with the checksum field read as spaces; old
    /// writers summed signed bytes, so either sum is accepted.
    private static func verifyChecksum(_ a: [UInt8], at pos: Int) throws(TarError) {
        var unsigned = 0
        var signed = 0
        for i in 0..<block {
            let b = (148..<156).contains(i) ? UInt8(ascii: " ") : a[pos + i]
            unsigned += Int(b)
            signed += Int(Int8(bitPattern: b))
        }
        guard let stored = try? numericField(a, at: pos, offset: 148, length: 8, name: "checksum"),
              stored == unsigned || stored == signed
        else { throw .badChecksum(offset: pos) }
    }

    /// Parses an octal field (leading spaces, digits, then NUL or space), or a GNU base-256 field
    /// (first byte 0x80, then a big-endian number).
    private static func numericField(
        _ a: [UInt8], at pos: Int, offset: Int, length: Int, name: String
    ) throws(TarError) -> Int {
        let field = a[(pos + offset)..<(pos + offset + length)]
        guard let first = field.first else { return 0 }
        if first & 0x80 != 0 {
            guard first == 0x80 else { throw .badHeader(offset: pos, "negative \(name)") }
            var value = 0
            for b in field.dropFirst() {
                guard value <= (Int.max >> 8) else { throw .badHeader(offset: pos, "\(name) too large") }
                value = value << 8 | Int(b)
            }
            return value
        }
        var value = 0
        var sawDigit = false
        var i = field.startIndex
        while i < field.endIndex, field[i] == UInt8(ascii: " ") || (field[i] == 0 && !sawDigit) { i += 1 }
        while i < field.endIndex {
            let b = field[i]
            if b == 0 || b == UInt8(ascii: " ") { break }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "7") else {
                throw .badHeader(offset: pos, "\(name) field is not an octal number")
            }
            guard value <= (Int.max >> 3) else { throw .badHeader(offset: pos, "\(name) too large") }
            value = value << 3 | Int(b - UInt8(ascii: "0"))
            sawDigit = true
            i += 1
        }
        return value
    }

    /// Name from the header itself: ustar joins `prefix/name`; GNU headers use that space for
    /// other fields, so only the POSIX magic "ustar\0" enables the prefix.
    private static func headerName(_ a: [UInt8], at pos: Int) -> String {
        let name = cString(a[pos..<pos + 100])
        let posixMagic: [UInt8] = [0x75, 0x73, 0x74, 0x61, 0x72, 0x00]  // "ustar\0"
        if a[(pos + 257)..<(pos + 263)].elementsEqual(posixMagic) {
            let prefix = cString(a[(pos + 345)..<(pos + 500)])
            if !prefix.isEmpty { return prefix + "/" + name }
        }
        return name
    }

    /// Bytes up to the first NUL, as UTF-8 (invalid sequences become U+FFFD).
    private static func cString(_ bytes: ArraySlice<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// Parses pax records, each "LENGTH KEY=VALUE\n" where LENGTH counts the whole record.
    private static func paxRecords(_ data: ArraySlice<UInt8>, headerOffset: Int) throws(TarError) -> [String: String] {
        var records: [String: String] = [:]
        var i = data.startIndex
        let malformed = TarError.badHeader(offset: headerOffset, "malformed pax extended header")
        while i < data.endIndex {
            if data[i] == 0 { break }  // some writers pad with NULs
            guard let space = data[i...].firstIndex(of: UInt8(ascii: " ")), space - i <= 12,
                  data[i..<space].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let length = Int(String(decoding: data[i..<space], as: UTF8.self)),
                  length > space - i + 1, length <= data.endIndex - i
            else { throw malformed }
            let end = i + length
            guard data[end - 1] == UInt8(ascii: "\n"),
                  let equals = data[(space + 1)..<(end - 1)].firstIndex(of: UInt8(ascii: "="))
            else { throw malformed }
            let key = String(decoding: data[(space + 1)..<equals], as: UTF8.self)
            records[key] = String(decoding: data[(equals + 1)..<(end - 1)], as: UTF8.self)
            i = end
        }
        return records
    }
}
