import CupcakeTrace

/// Timing helpers: each figure is the median over several batches, so one noisy batch on a shared
/// machine does not move it.
enum Measure {
    /// Median nanoseconds per operation: `batches` batches of `operations` calls each.
    /// `CUPCAKE_BENCH_SCALE` (default 1) scales iteration counts, e.g. 0.01 for a quick smoke run
    /// or a run under valgrind.
    static let scale: Double = {
        guard let text = ProcessEnvironment.current()["CUPCAKE_BENCH_SCALE"], let value = Double(text), value > 0 else {
            return 1
        }
        return value
    }()

    static func nanosecondsPerOperation(
        batches: Int = 31, operations: Int, _ body: (Int) -> Int
    ) -> (median: Double, checksum: Int) {
        let operations = max(1, Int(Double(operations) * scale))
        var samples: [Double] = []
        samples.reserveCapacity(batches)
        var checksum = 0
        // Warm up caches, lazy globals and the CPU's clock before the first batch counts.
        for index in 0..<operations { checksum &+= body(index) }
        for _ in 0..<batches {
            let start = WallClock.monotonicNanoseconds()
            for index in 0..<operations { checksum &+= body(index) }
            let elapsed = WallClock.monotonicNanoseconds() - start
            samples.append(Double(elapsed) / Double(operations))
        }
        return (median(samples), checksum)
    }

    static func median(_ values: [Double]) -> Double {
        percentile(values, 0.5)
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let position = min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * fraction).rounded())))
        return sorted[position]
    }
}
