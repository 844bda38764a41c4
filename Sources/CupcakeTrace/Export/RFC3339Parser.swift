/// Reads the RFC 3339 UTC timestamps of trace lines (`2026-11-25T16:24:21.123456Z`) back into
/// Unix-epoch nanoseconds, without Foundation.
enum RFC3339Parser {
    static func nanoseconds(_ text: String) -> UInt64? {
        var copy = text
        return copy.withUTF8 { nanoseconds(utf8: $0) }
    }

    static func nanoseconds(utf8 b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] | 0x20 == UInt8(ascii: "t"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[b.count - 1] | 0x20 == UInt8(ascii: "z")
        else { return nil }
        guard let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10]),
            let hour = number(b[11..<13]), let minute = number(b[14..<16]), let second = number(b[17..<19])
        else { return nil }
        guard year >= 1970, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else {
            return nil
        }
        var fraction: UInt64 = 0
        if b.count > 20 {
            let digits = b[20..<(b.count - 1)]
            guard b[19] == UInt8(ascii: "."), (1...9).contains(digits.count), let value = number(digits) else {
                return nil
            }
            fraction = UInt64(value)
            for _ in digits.count..<9 { fraction *= 10 }
        } else if b.count != 20 {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = UInt64(days) * 86_400 + UInt64(hour * 3600 + minute * 60 + second)
        // Past 2554 the nanosecond count no longer fits 64 bits: such a timestamp is rejected.
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (total, carry) = nanos.addingReportingOverflow(fraction)
        return carry ? nil : total
    }

    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var value = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (the well-known era-based algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400  // y >= 1969 here, so no negative-era rounding is needed
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
