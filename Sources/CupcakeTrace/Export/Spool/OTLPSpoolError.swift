/// Why the OTLP spool directory or one of its batches could not be used.
package enum OTLPSpoolError: Error, CustomStringConvertible, Equatable {
    case cannotCreateDirectory(path: String, reason: String)
    case notOwnedByUser(path: String)
    case cannotWrite(path: String, reason: String)

    package var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "OTLP spool \(path): cannot create the directory (\(reason)); set CUPCAKE_OTLP_SPOOL to a writable directory"
        case .notOwnedByUser(let path):
            "OTLP spool \(path): the directory belongs to another user; set CUPCAKE_OTLP_SPOOL to a directory of your own"
        case .cannotWrite(let path, let reason):
            "OTLP spool \(path): cannot write a batch (\(reason)); check free space and permissions"
        }
    }
}
