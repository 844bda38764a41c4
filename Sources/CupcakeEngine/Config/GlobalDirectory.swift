import Foundation

/// Where the machine-wide (global) configuration is: a directory laid out as a project's
/// `.cupcake` (`rulebook.yml`, `policies/<harness>/`, `signals/`, `actions/`), evaluated before
/// the project, whose halt, deny and block answer alone.
///
/// Found as upstream Cupcake finds it: `$XDG_CONFIG_HOME/cupcake` (when that variable is an
/// absolute path), else `~/.config/cupcake` (macOS: `~/Library/Application Support/cupcake`),
/// used when it exists. `--global-dir` or `CUPCAKE_GLOBAL_DIR` names another directory, or
/// `none` to use no global configuration.
package enum GlobalDirectory {
    /// The environment variable that overrides (or, set to `none`, disables) the default.
    package static let environmentVariable = "CUPCAKE_GLOBAL_DIR"
    /// Values of the flag or variable that mean "no global configuration".
    static let disabling: Set<String> = ["none", "off", "false", "0"]

    /// The global directory to load, or nil for none. `flag` (from `--global-dir`) wins over
    /// the environment variable; an empty variable counts as unset. A directory named
    /// explicitly must be an absolute path to an existing directory: a mistyped override is an
    /// error, not a silent run without the machine's policies.
    package static func locate(flag: String?, flagName: String = "--global-dir",
                              environment: [String: String]) throws(ConfigError) -> String? {
        if let flag { return try explicit(flag, source: flagName) }
        if let value = environment[environmentVariable], !value.isEmpty { return try explicit(value, source: environmentVariable) }
        guard let candidate = defaultLocation(environment: environment) else { return nil }
        return BundleFileIO.isDirectory(candidate) ? candidate : nil
    }

    /// Upstream's location for this platform (whether or not it exists).
    static func defaultLocation(environment: [String: String]) -> String? {
        let home = HomeDirectory.from(environment)
        #if os(macOS)
        return home.map { $0 + "/Library/Application Support/cupcake" }
        #else
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return trimmed(xdg) + "/cupcake" }
        return home.map { trimmed($0) + "/.config/cupcake" }
        #endif
    }

    private static func explicit(_ value: String, source: String) throws(ConfigError) -> String? {
        if disabling.contains(value.lowercased()) { return nil }
        guard value.hasPrefix("/") else {
            throw .globalDirectory(path: value, source: source, problem: "must be an absolute path (or none to use no global configuration)")
        }
        guard BundleFileIO.exists(value) else {
            throw .globalDirectory(path: value, source: source, problem: "does not exist")
        }
        guard BundleFileIO.isDirectory(value) else { throw .globalDirectory(path: value, source: source, problem: "is not a directory") }
        return value
    }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
