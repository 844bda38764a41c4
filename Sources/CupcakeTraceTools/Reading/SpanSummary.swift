import CupcakeTrace

/// Per span name: how many, the median, the 95th percentile and the longest duration. Memory is
/// bounded: past `maxSamples` durations per name, percentiles come from a uniform sample
/// (reservoir sampling with a fixed seed, so a run is repeatable); counts and maxima stay exact.
public struct SpanSummary: Sendable {
    /// The figures for one span name, durations in microseconds.
    public struct Row: Sendable, Equatable {
        public let span: String
        public let count: Int
        public let p50Micros: Int64
        public let p95Micros: Int64
        public let maxMicros: Int64
    }

    private struct Samples {
        var values: [Int64] = []
        var count = 0
        var max: Int64 = 0
    }

    /// Durations kept per span name for the percentiles.
    public let maxSamples: Int
    private var byName: [String: Samples] = [:]
    private var random: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// An empty summary keeping at most `maxSamples` durations per span name.
    public init(maxSamples: Int = 100_000) {
        self.maxSamples = max(1, maxSamples)
    }

    /// Counts a span line; event lines are ignored.
    public mutating func add(_ record: TraceRecord) {
        guard !record.isEvent else { return }
        var samples = byName.removeValue(forKey: record.span) ?? Samples()
        samples.count += 1
        samples.max = Swift.max(samples.max, record.durationMicros)
        if samples.values.count < maxSamples {
            samples.values.append(record.durationMicros)
        } else {
            // Keep each of the `count` values with probability maxSamples/count.
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let slot = Int((random >> 33) % UInt64(samples.count))
            if slot < maxSamples { samples.values[slot] = record.durationMicros }
        }
        byName[record.span] = samples
    }

    /// One row per span name, the most frequent first (then by name).
    public var rows: [Row] {
        byName.map { name, samples in
            let sorted = samples.values.sorted()
            return Row(
                span: name, count: samples.count, p50Micros: Self.percentile(sorted, 0.50),
                p95Micros: Self.percentile(sorted, 0.95), maxMicros: samples.max)
        }
        .sorted { ($1.count, $0.span) < ($0.count, $1.span) }
    }

    /// Nearest-rank percentile of sorted values (0 when empty).
    static func percentile(_ sorted: [Int64], _ fraction: Double) -> Int64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// The table as text, durations in milliseconds.
    public func render() -> String {
        let rows = rows
        let nameWidth = max(4, rows.map(\.span.count).max() ?? 0)
        func pad(_ raw: String, _ width: Int, left: Bool = false) -> String {
            let text = PrintableText.of(raw)
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        func ms(_ micros: Int64) -> String { String(WaterfallRenderer.milliseconds(micros).dropLast(3)) }
        var out = pad("span", nameWidth, left: true) + "  " + pad("count", 8) + "  " + pad("p50 ms", 10) + "  "
            + pad("p95 ms", 10) + "  " + pad("max ms", 10) + "\n"
        for row in rows {
            out += pad(row.span, nameWidth, left: true) + "  " + pad(String(row.count), 8) + "  "
                + pad(ms(row.p50Micros), 10) + "  " + pad(ms(row.p95Micros), 10) + "  " + pad(ms(row.maxMicros), 10) + "\n"
        }
        return out
    }
}
