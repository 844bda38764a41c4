/// Formats Unix-epoch nanoseconds as an RFC 3339 UTC timestamp with microseconds,
/// `2026-11-25T16:24:21.123456Z`, without Foundation's date formatters (too slow per line).
enum RFC3339 {
    static func append(nanoseconds: UInt64, to out: inout ByteBuffer) {
        let seconds = Int64(nanoseconds / 1_000_000_000)
        let micros = Int(nanoseconds % 1_000_000_000 / 1000)
        let days = seconds / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        out.reserve(27)
        appendDigits(Int(year), count: 4, to: &out)
        out.appendUnchecked(UInt8(ascii: "-"))
        appendDigits(month, count: 2, to: &out)
        out.appendUnchecked(UInt8(ascii: "-"))
        appendDigits(day, count: 2, to: &out)
        out.appendUnchecked(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, count: 2, to: &out)
        out.appendUnchecked(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2, to: &out)
        out.appendUnchecked(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2, to: &out)
        out.appendUnchecked(UInt8(ascii: "."))
        appendDigits(micros, count: 6, to: &out)
        out.appendUnchecked(UInt8(ascii: "Z"))
    }

    static func string(nanoseconds: UInt64) -> String {
        var out = ByteBuffer(capacity: 32)
        append(nanoseconds: nanoseconds, to: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (the inverse of H. Hinnant's
    /// days_from_civil).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Appends exactly `count` digits (zero-padded); room was reserved by the caller.
    @inline(__always)
    private static func appendDigits(_ value: Int, count: Int, to out: inout ByteBuffer) {
        var divisor = 1
        for _ in 1..<count { divisor &*= 10 }
        var rest = max(0, value)
        while divisor > 0 {
            out.appendUnchecked(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
