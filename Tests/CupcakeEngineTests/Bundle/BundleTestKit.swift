import CupcakeTestSupport
import Foundation
import Testing

@testable import CupcakeEngine

/// OPA bundle material for the bundle tests (the generic archive helpers are `ArchiveTestKit`'s).
enum BundleTestKit {
    /// Smallest valid WebAssembly module (magic + version), plus a custom section for some bulk.
    static let wasmModule: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                                      0x00, 0x05, 0x04, 0x6E, 0x61, 0x6D, 0x65]

    /// The manifest `opa build -t wasm -e cupcake/system/evaluate` writes.
    static let opaManifest = Array("""
        {"revision":"","roots":[""],"wasm":[{"entrypoint":"cupcake/system/evaluate","module":"/policy.wasm"}],\
        "rego_version":1}
        """.utf8)

    static let regoSource = """
        package cupcake.policies.bash_guard

        # METADATA
        # custom:
        #   routing:
        #     required_events: ["PreToolUse"]
        deny contains decision if {
            input.tool_input.command == "rm -rf /"
            decision := {"reason": "dangerous", "severity": "HIGH", "rule_id": "BASH-001"}
        }
        """

    /// Archive members in the order and form OPA's Go tar writer uses (names start with "/").
    static func opaMembers(manifest: [UInt8] = opaManifest, wasm: [UInt8] = wasmModule) -> [(String, [UInt8])] {
        [("/data.json", Array(#"{"config":{"fail_mode":"closed"}}"#.utf8)),
         ("/policies/claude/bash_guard.rego", Array(regoSource.utf8)),
         ("/policy.wasm", wasm),
         ("/.manifest", manifest)]
    }

    /// A tar.gz of `members`, written by `TarWriter` and compressed by /usr/bin/gzip.
    static func tarGz(_ members: [(String, [UInt8])]) throws -> [UInt8] {
        var tar = TarWriter()
        for (name, data) in members { tar.addFile(name, data) }
        return try ArchiveTestKit.gzip(tar.finish())
    }
}
