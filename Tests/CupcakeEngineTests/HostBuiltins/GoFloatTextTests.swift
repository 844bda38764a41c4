#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import CupcakeEngine

/// For finite values with an explicit precision, Go's %e %f %g print exactly what C's printf
/// prints (both round the exact binary value half to even), so the C library is the oracle here.
@Suite("Go float text against printf")
struct GoFloatTextTests {
    /// Deterministic doubles spread over many magnitudes, including subnormals and ties.
    static let samples: [Double] = {
        var values: [Double] = [0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e-300, .leastNonzeroMagnitude, 2.2250738585072014e-308,
                                1.7976931348623157e308, 123456789.125, 9.995, 0.05, 1e23, 4.35, 1e-7]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let candidate = Double(bitPattern: state >> 1)
            if candidate.isFinite { values.append(candidate) }
            let scaled = Double(state >> 11) / Double(1 << 53) * 1e6
            values.append(scaled)
        }
        return values
    }()

    private static func printf(_ value: Double, _ conversion: String, _ precision: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 1200)
        let count = buffer.count
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([Int32(precision), value]) { vsnprintf(pointer.baseAddress, count, "%.*" + conversion, $0) }
        }
        return String(decoding: buffer[0..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test("%.Ne %.Nf %.Ng %.NE %.NG match printf", arguments: ["e", "f", "g", "E", "G"])
    func matchesPrintf(conversion: String) {
        let verb = conversion.utf8.first ?? 0
        var mismatches: [String] = []
        for value in Self.samples {
            for precision in [0, 1, 2, 3, 6, 10, 17, 25] {
                if conversion == "f" && value.magnitude > 1e250 && precision > 10 { continue }
                for signed in [value, -value] {
                    let ours = String(decoding: GoFloatText.format(signed, verb: verb, precision: precision), as: UTF8.self)
                    let theirs = Self.printf(signed, conversion, precision)
                    if ours != theirs { mismatches.append("%.\(precision)\(conversion) of \(signed): \(ours) vs \(theirs)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("shortest %g reads back as the same double")
    func shortestRoundTrips() {
        for value in Self.samples {
            let text = String(decoding: GoFloatText.format(value, verb: UInt8(ascii: "g"), precision: -1), as: UTF8.self)
            #expect(Double(text) == value, "\(value) printed as \(text)")
        }
    }

    @Test("shortest forms follow Go's layout", arguments: [
        (1.0, "1"), (0.1, "0.1"), (100000.0, "100000"), (1e6, "1e+06"), (1234567.0, "1.234567e+06"),
        (0.0001, "0.0001"), (0.00001, "1e-05"), (1e100, "1e+100"), (.leastNonzeroMagnitude, "5e-324"), (-2.5, "-2.5"),
    ])
    func shortestLayout(value: Double, expected: String) {
        #expect(String(decoding: GoFloatText.format(value, verb: UInt8(ascii: "g"), precision: -1), as: UTF8.self) == expected)
    }
}
