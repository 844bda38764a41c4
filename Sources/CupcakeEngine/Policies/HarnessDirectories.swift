extension Harness {
    /// The harnesses that have a directory (or a link to one) under `<policyDirectory>/policies/`,
    /// in declaration order: what `validate` and `inspect` look at when no harness is named.
    package static func withPolicyDirectory(in policyDirectory: String) -> [Harness] {
        allCases.filter { harness in
            (try? BundleFileIO.kind(policyDirectory + "/policies/" + harness.rawValue, followLinks: true).get()) == .directory
        }
    }
}
