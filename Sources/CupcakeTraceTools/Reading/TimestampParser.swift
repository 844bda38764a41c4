import CupcakeTrace

/// Reads the contract's timestamps, `2026-11-25T16:24:21.123456Z`, without Foundation.
enum TimestampParser {
    /// Microseconds since the Unix epoch, or nil for anything but an RFC 3339 UTC time with `Z`
    /// (fractional digits optional, cut to microseconds).
    static func microseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40, bytes[4] == 0x2D, bytes[7] == 0x2D,
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes.last == UInt8(ascii: "Z") || bytes.last == UInt8(ascii: "z")
        else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
            let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var micros = 0
        let end = bytes.count - 1
        if end > 19 {
            // One to nine fractional digits; those past microseconds are dropped.
            let count = end - 20
            guard bytes[19] == UInt8(ascii: "."), (1...9).contains(count), digits(20..<end) != nil,
                let kept = digits(20..<(20 + min(count, 6)))
            else { return nil }
            micros = kept
            for _ in 0..<(6 - min(count, 6)) { micros *= 10 }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1_000_000 + Int64(micros)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
