import CupcakeEngine

/// Sizes on the command line: `64MiB`, `1GiB`, `512MB`, `1048576` (units are powers of 1024,
/// whatever their spelling, and case does not matter).
enum ByteSize {
    static func parse(_ text: String) -> Int? {
        let lowered = text.lowercased()
        let digits = lowered.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let unit = lowered.dropFirst(digits.count).trimmingPrefix(" ")
        let shift: Int
        switch unit {
        case "", "b": shift = 0
        case "k", "kb", "kib": shift = 10
        case "m", "mb", "mib": shift = 20
        case "g", "gb", "gib": shift = 30
        default: return nil
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
        return overflow ? nil : bytes
    }
}

extension Substring {
    fileprivate func trimmingPrefix(_ prefix: Character) -> Substring {
        var text = self
        while text.first == prefix { text = text.dropFirst() }
        return text
    }
}
