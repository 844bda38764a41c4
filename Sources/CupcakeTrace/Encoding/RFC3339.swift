/// One thread's formatted "YYYY-MM-DDTHH:MM:SS" for the last second it formatted (kept in
/// ``ThreadScratch``).
struct SecondCache {
    var second: UInt64 = 0
    var valid = false
    var text: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of room for 19 characters
}

/// Formats Unix-epoch nanoseconds as an RFC 3339 UTC timestamp with microseconds,
/// `2026-11-25T16:24:21.123456Z`, without Foundation's date formatters (too slow per line).
enum RFC3339 {
    /// As ``append(nanoseconds:to:cache:)`` without a cache, for occasional lines (diagnostics).
    static func append(nanoseconds: UInt64, to out: inout ByteBuffer) {
        var cache = SecondCache()
        append(nanoseconds: nanoseconds, to: &out, cache: &cache)
    }

    /// As ``append(nanoseconds:to:)``, with the calling thread's cache passed in by a caller that
    /// already holds it.
    static func append(nanoseconds: UInt64, to out: inout ByteBuffer, cache: inout SecondCache) {
        let seconds = nanoseconds / 1_000_000_000
        let micros = Int(nanoseconds % 1_000_000_000 / 1000)
        // Spans end many times a second: the "YYYY-MM-DDTHH:MM:SS" part is formatted once per
        // second per thread and copied after that.
        if cache.second != seconds || !cache.valid {
            formatSeconds(Int64(seconds), into: &cache)
        }
        out.reserve(27)
        withUnsafeBytes(of: &cache.text) { text in
            for index in 0..<19 { out.appendUnchecked(text[index]) }
        }
        out.appendUnchecked(UInt8(ascii: "."))
        appendPair(micros / 10_000, to: &out)
        appendPair(micros / 100 % 100, to: &out)
        appendPair(micros % 100, to: &out)
        out.appendUnchecked(UInt8(ascii: "Z"))
    }

    private static func formatSeconds(_ seconds: Int64, into cache: inout SecondCache) {
        let days = seconds / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        var text = ByteBuffer(capacity: 32)
        text.reserve(19)
        appendPair(Int(year) / 100, to: &text)
        appendPair(Int(year) % 100, to: &text)
        text.appendUnchecked(UInt8(ascii: "-"))
        appendPair(month, to: &text)
        text.appendUnchecked(UInt8(ascii: "-"))
        appendPair(day, to: &text)
        text.appendUnchecked(UInt8(ascii: "T"))
        appendPair(secondOfDay / 3600, to: &text)
        text.appendUnchecked(UInt8(ascii: ":"))
        appendPair(secondOfDay / 60 % 60, to: &text)
        text.appendUnchecked(UInt8(ascii: ":"))
        appendPair(secondOfDay % 60, to: &text)
        text.withBytes { bytes in
            withUnsafeMutableBytes(of: &cache.text) { target in
                for index in 0..<19 { target[index] = bytes[index] }
            }
        }
        cache.second = UInt64(seconds)
        cache.valid = true
    }

    /// "00" through "99", so two digits cost one lookup instead of two divisions.
    private static let pairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Appends `value` (0...99) as two digits; room was reserved by the caller.
    @inline(__always)
    private static func appendPair(_ value: Int, to out: inout ByteBuffer) {
        let index = min(max(value, 0), 99) &* 2
        out.appendUnchecked(pairs.utf8Start[index])
        out.appendUnchecked(pairs.utf8Start[index + 1])
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

}
