import CupcakeTestSupport
import Foundation

/// Runs the `cupcake-trace-probe` executable (built with the tests) as a child process.
enum Probe {
    typealias Result = ChildProcess.Result

    static func run(
        _ arguments: [String] = [], environment: [String: String] = [:],
        standardError: ChildProcess.StandardError = .pipe
    ) throws -> Result {
        try ChildProcess.run(
            try ChildProcess.executable(named: "cupcake-trace-probe"), arguments, environment: environment,
            standardError: standardError)
    }
}

extension ChildProcess.Result {
    func parsedLines() throws -> [TraceLine] { try parsedStderrLines() }
}
