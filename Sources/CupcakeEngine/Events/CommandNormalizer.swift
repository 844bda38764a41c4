/// Whitespace normalization of shell commands, so spacing tricks cannot slip past policies
/// that match text: `rm  -rf   /` and `rm\t-rf /` both become `rm -rf /`.
///
/// Outside quotes every run of whitespace (spaces, tabs, newlines, any Unicode whitespace)
/// becomes one space, and leading/trailing whitespace is removed. Text inside single or
/// double quotes is kept exactly, as is any character after a backslash outside single
/// quotes, so `git commit -m 'Fix  spacing'` is unchanged. An unterminated quote keeps
/// the rest of the command as it is.
public enum CommandNormalizer {
    /// The normalized form of `command`.
    public static func normalize(_ command: String) -> String {
        var result = String.UnicodeScalarView()
        var inSingle = false
        var inDouble = false
        var escaping = false
        var pendingSpace = false
        for scalar in command.unicodeScalars {
            if escaping {
                escaping = false
                append(scalar, to: &result, pendingSpace: &pendingSpace)
                continue
            }
            if scalar == "\\" && !inSingle {
                escaping = true
            } else if scalar == "'" && !inDouble {
                inSingle.toggle()
            } else if scalar == "\"" && !inSingle {
                inDouble.toggle()
            } else if !inSingle && !inDouble && scalar.properties.isWhitespace {
                // Emitted lazily, so trailing whitespace never reaches the result.
                pendingSpace = !result.isEmpty
                continue
            }
            append(scalar, to: &result, pendingSpace: &pendingSpace)
        }
        return String(result)
    }

    private static func append(
        _ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView, pendingSpace: inout Bool
    ) {
        if pendingSpace {
            result.append(" ")
            pendingSpace = false
        }
        result.append(scalar)
    }
}
