extension HarnessResponse {
    /// The answer when evaluation failed and the project fails closed (`fail_mode: closed` or
    /// `--strict`): exit 2 with the reason on stderr, which every supported agent treats as "block
    /// this tool call and show the reason"; nothing on stdout, so no decision JSON can be misread.
    package static func failClosed(_ error: EngineError) -> HarnessResponse {
        HarnessResponse(
            stdout: [], exitCode: 2, stderr: "Cupcake blocked this action because policy evaluation failed: \(error)")
    }
}
