/// Shell line continuations: a backslash right before a newline (outside single quotes)
/// joins the two lines, as the shell reads them, so `rm \` + newline + `-rf /` is `rm -rf /`.
enum LineContinuations {
    /// `command` with every backslash-newline (and backslash-CR-LF) pair outside single quotes
    /// removed.
    static func join(_ command: String) -> String {
        var command = command
        return command.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var inSingle = false
            var inDouble = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "'") && !inDouble {
                    inSingle.toggle()
                } else if byte == UInt8(ascii: "\"") && !inSingle {
                    inDouble.toggle()
                } else if byte == UInt8(ascii: "\\") && !inSingle && index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    if next == UInt8(ascii: "\n") {
                        index += 2
                        continue
                    }
                    if next == UInt8(ascii: "\r") && index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "\n") {
                        index += 3
                        continue
                    }
                    // Any other escaped byte (a quote included) is copied with its backslash.
                    result.append(byte)
                    result.append(next)
                    index += 2
                    continue
                }
                result.append(byte)
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
