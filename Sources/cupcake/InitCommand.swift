import CupcakeEngine
import CupcakeTrace
import Foundation

/// `cupcake init`: puts Cupcake into a project (or the machine-wide directory) for one agent.
enum InitCommand {
    static let help = """
        usage: cupcake init --harness claude|cursor|factory|opencode [--global] [--dir D]
                            [--builtins a,b] [--force]

        Writes .cupcake/ (rulebook.yml listing every builtin, disabled; system/evaluate.rego;
        policies/<harness>/example.rego; README.md) and adds Cupcake's hooks to the agent's
        settings: .claude/settings.json, .cursor/hooks.json, .factory/settings.json, or the
        OpenCode plugin .opencode/plugin/cupcake.js. Settings that exist are merged: other keys
        and hooks stay, Cupcake's hooks are added once. Running init again changes nothing.

        options:
          --harness H     the agent (required)
          --dir D         the project root (default: the current directory); with --global the
                          machine-wide policy directory (default $CUPCAKE_GLOBAL_DIR, else
                          $XDG_CONFIG_HOME/cupcake or ~/.config/cupcake)
          --global        set up the machine-wide policy directory; the hooks go into the
                          agent's settings in your home directory
          --builtins L    builtins to enable in the new rulebook, comma-separated
          --force         replace the files init writes if they exist (settings are still merged)
          --help          this text

        exit codes: 0 done; 64 bad command line; 73 a file could not be written; 78 an existing
        settings file is not valid JSON or not shaped as the agent expects (left unchanged, and
        nothing else written).
        """

    static func run(_ words: [String]) -> ExitCode {
        let arguments: Arguments
        switch CommandSetup.parse("init", words, valueFlags: ["--harness", "--dir", "--builtins"],
                                  switchFlags: ["--global", "--force"], help: help) {
        case .success(let parsed): arguments = parsed
        case .failure(let code): return code
        }
        guard let name = arguments.values["--harness"], let harness = Harness(rawValue: name.lowercased()) else {
            Output.stderr("cupcake init: --harness must be one of claude, cursor, factory, opencode\n\(help)")
            return .usage
        }
        let environment = ProcessEnvironment.snapshot
        let global = arguments.switches.contains("--global")
        let home = ProjectSetup.home(environment: environment)
        let directory: String
        if let given = arguments.values["--dir"] {
            directory = absolute(given)
        } else if global {
            directory = absolute(ProjectSetup.globalDirectory(environment: environment))
        } else {
            directory = FileManager.default.currentDirectoryPath
        }
        let builtins = arguments.values["--builtins"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        let setup = ProjectSetup(harness: harness, directory: directory, global: global, home: home,
                                 binary: hookBinary(environment: environment), force: arguments.switches.contains("--force"),
                                 builtins: builtins.filter { !$0.isEmpty })
        let results: [(path: String, outcome: ProjectSetup.Outcome)]
        do {
            results = try setup.run()
        } catch {
            Output.stderr("cupcake init: \(error)")
            switch error {
            case .unwritable, .unreadable: return .cannotCreate
            case .unknownBuiltin: return .usage
            case .invalidJSON, .notAnObject, .wrongShape: return .configuration
            }
        }
        var lines = ["Cupcake for \(harness.rawValue) in \(setup.policyDirectory):"]
        for (path, outcome) in results {
            let shown = path.hasPrefix(directory + "/") && !global ? String(path.dropFirst(directory.count + 1)) : path
            switch outcome {
            case .created: lines.append("  created    \(shown)")
            case .updated(let added) where !added.isEmpty: lines.append("  updated    \(shown) (hooks added: \(added.joined(separator: ", ")))")
            case .updated: lines.append("  replaced   \(shown)")
            case .unchanged: lines.append("  unchanged  \(shown)")
            case .kept(let reason): lines.append("  kept       \(shown): \(reason)")
            }
        }
        lines.append("")
        lines.append("Next:")
        lines.append("  1. Write a policy in \(setup.policyDirectory)/policies/\(harness.rawValue)/ (see example.rego), or enable")
        lines.append("     builtins in \(setup.policyDirectory)/rulebook.yml.")
        lines.append("  2. Check it with `cupcake validate --policy-dir \(setup.policyDirectory)`. Policies are compiled")
        lines.append("     with opa: install it (cupcake eval compiles and caches them) or build the bundle yourself:")
        lines.append("     opa build -t wasm -O 2 -e cupcake/system/evaluate policies/\(harness.rawValue) system -o bundles/\(harness.rawValue).tar.gz")
        Output.stdout(lines.joined(separator: "\n") + "\n")
        return .success
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// How hooks name this binary: `cupcake` when that is what PATH finds, else its absolute path.
    static func hookBinary(environment: [String: String]) -> String {
        let me = absolute(OwnExecutable.path)
        let mine = URL(fileURLWithPath: me).resolvingSymlinksInPath().path
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory) + "/cupcake").resolvingSymlinksInPath().path
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate == mine ? "cupcake" : me
            }
        }
        return me
    }
}
