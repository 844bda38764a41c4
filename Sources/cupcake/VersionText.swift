import CupcakeEngine

/// `cupcake --version`: the first line as upstream prints it (`cupcake X.Y.Z`), then the
/// WebAssembly runtime.
enum VersionText {
    /// The upstream Cupcake release whose contract (events, rulebook, answers) this implements.
    static let version = "0.5.2"

    static var text: String {
        "cupcake \(version)\nlibwasmtime \(WasmEngine.libraryVersion) (C API)\n"
    }
}
