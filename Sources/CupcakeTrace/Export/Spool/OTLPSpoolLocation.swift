#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a user's OTLP spools live, and the spool for one endpoint inside.
package enum OTLPSpoolLocation {
    /// Names the spool root directory, overriding the XDG state location.
    package static let environmentVariable = "CUPCAKE_OTLP_SPOOL"

    /// `$CUPCAKE_OTLP_SPOOL`, else `$XDG_STATE_HOME/cupcake/otlp-spool`, else
    /// `~/.local/state/cupcake/otlp-spool` (the home from `HOME` or the password database);
    /// nil when there is no home to put it in.
    package static func root(environment: [String: String]) -> String? {
        if let named = environment[environmentVariable], !named.isEmpty { return named }
        // The XDG spec says a relative value is invalid and must be ignored.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/cupcake/otlp-spool" }
        var home = environment["HOME"] ?? ""
        if home.isEmpty, let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir {
            home = String(cString: directory)
        }
        return home.isEmpty ? nil : home + "/.local/state/cupcake/otlp-spool"
    }

    /// The spool for `endpoint` under `root`: one per endpoint, so batches never reach a
    /// collector other than the one they were meant for.
    package static func directory(root: String, endpoint: OTLPEndpoint) -> String {
        let name = endpoint.spoolName.unicodeScalars.map { scalar -> Character in
            let keep = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-"
            return keep ? Character(scalar) : "_"
        }
        return root + "/" + String(name)
    }
}
