// swift-tools-version: 6.0
import PackageDescription

// No Swift package dependencies: the toolchain (Foundation, Dispatch, Synchronization,
// XCTest/Swift Testing) and the system libwasmtime installed by Scripts/install-wasmtime.sh.
let package = Package(
    name: "Cupcake",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CupcakeTrace", targets: ["CupcakeTrace"]),
        .library(name: "CupcakeTraceTools", targets: ["CupcakeTraceTools"]),
        .library(name: "CupcakeEngine", targets: ["CupcakeEngine"]),
        .executable(name: "cupcake", targets: ["cupcake"]),
        .executable(name: "cupcake-bench", targets: ["cupcake-bench"]),
    ],
    targets: [
        // libwasmtime from the pinned PyPI wheel; its wasmtime.pc puts /usr/local/lib on the link path.
        .systemLibrary(name: "CWasmtimeSys", pkgConfig: "wasmtime"),
        // Our own declarations of the part of the wasmtime C API we call, plus small C helpers.
        .target(name: "CWasmtime", dependencies: ["CWasmtimeSys"]),
        // Codecs and system calls the libraries use (JSON, YAML, gzip/tar, digests, hex, base64,
        // CRC-32, read/write); not a product: CupcakeEngine re-exports the value and error types
        // its API carries, and nothing else of it is public.
        .target(name: "CupcakeCodecs"),
        .target(name: "CupcakeTrace", dependencies: ["CupcakeCodecs"]),
        // Offline tooling over trace files (reading, the waterfall view, Chrome conversion), kept
        // out of the tracing library as swift-distributed-tracing keeps InMemoryTracing apart.
        .target(name: "CupcakeTraceTools", dependencies: ["CupcakeCodecs", "CupcakeTrace"]),
        .target(name: "CupcakeEngine", dependencies: ["CupcakeCodecs", "CupcakeTrace", "CWasmtime"]),
        .executableTarget(name: "cupcake", dependencies: ["CupcakeCodecs", "CupcakeEngine", "CupcakeTrace", "CupcakeTraceTools"]),
        .executableTarget(name: "cupcake-bench", dependencies: ["CupcakeEngine", "CupcakeTrace"]),
        // The README's CupcakeEngine example, built and run by the CLI tests.
        .executableTarget(name: "cupcake-example", dependencies: ["CupcakeEngine", "CupcakeTrace"]),
        // A tiny traced program the trace integration tests run as a child process.
        .executableTarget(name: "cupcake-trace-probe", dependencies: ["CupcakeTrace", "CupcakeEngine"]),
        // Trace-line parsing and the schema validator, shared by the test targets.
        .target(name: "CupcakeTestSupport", path: "Tests/CupcakeTestSupport"),
        // The pipeline's trace vocabulary (categories, payload fields, keep rule) comes from CupcakeEngine.
        .testTarget(name: "CupcakeTraceTests", dependencies: ["CupcakeTrace", "CupcakeEngine", "CupcakeTestSupport", "cupcake-trace-probe"]),
        .testTarget(name: "CupcakeTraceToolsTests", dependencies: ["CupcakeTrace", "CupcakeTraceTools"]),
        .testTarget(name: "CupcakeCodecsTests", dependencies: ["CupcakeCodecs", "CupcakeTestSupport"]),
        .testTarget(name: "CupcakeEngineTests", dependencies: ["CupcakeCodecs", "CupcakeEngine", "CupcakeTrace", "CupcakeTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["cupcake", "cupcake-example", "CupcakeTestSupport"]),
        // Attacks on the preprocessing and limits, one group per class, against Fixtures/adversarial.
        .testTarget(name: "AdversarialTests", dependencies: ["CupcakeEngine", "CupcakeTrace", "CupcakeTestSupport", "cupcake"]),
    ],
    swiftLanguageModes: [.v6]
)

// Async functions run on their caller's executor unless they say otherwise (Swift 6.2's
// nonisolated(nonsending) default): a hook process then evaluates on its main thread and never
// pays for starting the global executor's threads (~0.45 ms of a 3 ms process) unless signals or
// actions run concurrently. Every Swift target, so callers and callees agree on the ABI.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
}
