import Testing

@testable import CupcakeEngine

/// The rulebook's `telemetry:` section, with upstream's keys.
@Suite struct TelemetrySettingsTests {
    static func parse(_ text: String) throws -> Rulebook { try Rulebook.parse(text, origin: "rulebook.yml", isGlobal: false) }

    @Test func parsedWithDefaults() throws {
        #expect(try Self.parse("signals: {}\n").telemetry == TelemetrySettings())
        let on = try Self.parse("telemetry:\n  enabled: true\n  format: text\n  destination: /var/log/cupcake\n").telemetry
        #expect(on == TelemetrySettings(enabled: true, format: .text, destination: "/var/log/cupcake"))
        #expect(on.directory(policyDirectory: ".cupcake") == "/var/log/cupcake")
        let relative = try Self.parse("telemetry:\n  enabled: true\n  destination: records\n").telemetry
        #expect(relative.format == .json)
        #expect(relative.directory(policyDirectory: ".cupcake") == ".cupcake/records")
        #expect(TelemetrySettings().directory(policyDirectory: "/p") == "/p/telemetry")
    }

    @Test("wrong types are errors naming the key and line; unknown keys are warnings", arguments: [
        ("telemetry:\n  enabled: yes please\n", "telemetry.enabled"),
        ("telemetry:\n  format: xml\n", "telemetry.format"),
        ("telemetry:\n  destination: []\n", "telemetry.destination"),
        ("telemetry: [1]\n", "telemetry"),
    ])
    func invalid(text: String, keyPath: String) {
        #expect {
            _ = try Self.parse(text)
        } throws: { error in
            guard case .invalid(_, _, let path, _)? = error as? ConfigError else { return false }
            return path == keyPath
        }
    }

    @Test func unknownKeyWarns() throws {
        let rulebook = try Self.parse("telemetry:\n  enabled: true\n  rotate: daily\n")
        #expect(rulebook.telemetry.enabled)
        #expect(rulebook.warnings.contains { $0.contains("telemetry.rotate") })
    }
}
