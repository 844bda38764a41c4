import Foundation
import CupcakeTrace

/// Finds the compiled policy bundle for a harness: the prebuilt `bundles/<harness>.tar.gz` of the
/// policy directory, or else one compiled with `opa build` into the cache, keyed by the sources and
/// the opa version so the next invocation does not compile again.
package struct BundleResolver: Sendable {
    /// Where the bundle came from.
    package enum Source: Sendable, Equatable {
        case prebuilt
        case compiledNow
        case compiledCached
    }

    package var policyDirectory: String
    package var harness: String
    /// `--opa-path`; nil searches PATH.
    package var opaPath: String?
    /// Directory for compiled bundles (`<cache>/bundles`).
    package var cacheDirectory: String
    package var environment: [String: String]

    package init(
        policyDirectory: String, harness: String, opaPath: String? = nil, cacheDirectory: String,
        environment: [String: String] = ProcessEnvironment.snapshot
    ) {
        self.policyDirectory = policyDirectory
        self.harness = harness
        self.opaPath = opaPath
        self.cacheDirectory = cacheDirectory
        self.environment = environment
    }

    var prebuiltPath: String { policyDirectory + "/bundles/" + harness + ".tar.gz" }
    var policiesPath: String { policyDirectory + "/policies/" + harness }
    var systemPath: String { policyDirectory + "/system" }

    /// The bundle path to load, compiling it first when there is no prebuilt one.
    ///
    /// - Parameter packages: the policy packages to export one entrypoint each for, besides the
    ///   aggregate (`cupcake.policies.bash_guard` becomes `-e cupcake/policies/bash_guard`), so the
    ///   engine can evaluate only the routed ones. Should opa refuse them, the bundle is built with
    ///   the aggregate entrypoint alone.
    package func resolve(packages: [String] = []) throws(BundleResolveError) -> (path: String, source: Source) {
        if BundleFileIO.exists(prebuiltPath) { return (prebuiltPath, .prebuilt) }
        guard BundleFileIO.exists(policiesPath) else {
            throw .noPolicies(harness: harness, bundle: prebuiltPath, policies: policiesPath)
        }
        guard let opa = OPACommand.locate(explicit: opaPath, environment: environment) else {
            throw .noOPA(harness: harness, bundle: prebuiltPath, hint: buildCommand)
        }
        let version = try OPACommand.version(opa, cacheDirectory: cacheDirectory)
        let entrypoints = Self.entrypoints(forPackages: packages)
        let key = try sourceKey(opaVersion: version, entrypoints: entrypoints)
        let target = cacheDirectory + "/bundles/\(harness)-\(key).tar.gz"
        if BundleFileIO.exists(target) { return (target, .compiledCached) }
        // A harness directory that is a link is handed to opa as the directory it names.
        let policies = PathResolver.resolve(policiesPath, from: PathResolver.processDirectory()).path
        // The aggregator lives in .cupcake/system or, as upstream lays a project out, in
        // policies/<harness>/system (inside the first input already).
        let inputs = BundleFileIO.exists(systemPath) ? [policies, systemPath] : [policies]
        do {
            try OPACommand.build(opa, entrypoints: entrypoints, inputs: inputs, output: target)
        } catch {
            guard entrypoints.count > 1 else { throw error }
            try OPACommand.build(opa, entrypoints: [Self.aggregateEntrypoint], inputs: inputs, output: target)
        }
        return (target, .compiledNow)
    }

    static let aggregateEntrypoint = "cupcake/system/evaluate"

    /// The aggregate entrypoint, then one per package in sorted order.
    static func entrypoints(forPackages packages: [String]) -> [String] {
        let perPackage = Set(packages.map(EvaluationPlan.entrypoint(ofPackage:)))
        return [aggregateEntrypoint] + perPackage.subtracting([aggregateEntrypoint]).sorted()
    }

    /// The command that builds the bundle by hand, for messages.
    var buildCommand: String {
        "opa build -t wasm -O 2 -e cupcake/system/evaluate \(policiesPath) \(systemPath) -o \(prebuiltPath)"
    }

    /// sha256 over every .rego source (path and content, in sorted path order), the opa version
    /// and the entrypoints.
    ///
    /// A hook would otherwise read and hash every source to find the bundle it built last time,
    /// so the key is remembered under a digest of the sources' identities (``FileIdentity``: any
    /// write changes one): while every source has settled and none changed, the key comes from
    /// that record unread. A changed, added or removed file changes the identity digest, so the
    /// key is computed from the content again; a stale bundle cannot be served.
    func sourceKey(opaVersion: String, entrypoints: [String] = [aggregateEntrypoint]) throws(BundleResolveError) -> String {
        let header = Array("opa \(opaVersion)\nentrypoints \(entrypoints.joined(separator: " "))\n".utf8)
        let sources = try Self.regoSources(under: [policiesPath, systemPath])
        let record = Self.identityRecord(header: header, sources: sources, cacheDirectory: cacheDirectory)
        if let record, case .success(let bytes) = CacheFileIO.read(record.path), Self.isKey(bytes) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var material = header
        for (path, _) in sources {
            // Whatever its size: opa reads it too.
            guard case .success(let data) = BundleFileIO.read(path, limit: Int.max) else {
                throw .unreadable(path: path)
            }
            material += Array("\(path)\n\(data.count)\n".utf8)
            material += data
        }
        let key = HexCoding.encode(material.withUnsafeBytes { SHA256Digest.hash($0) }.prefix(16))
        if let record {
            // Best effort: without the record the next hook reads the sources again.
            _ = Array(key.utf8).withUnsafeBytes { CacheFileIO.writeAtomically([$0], to: record.path, directory: record.directory) }
        }
        return key
    }

    /// Where the key of these exact source files is recorded, or nil when one of them has no
    /// settled identity (changed within the last moments, so its identity may not yet stand for
    /// its content).
    private static func identityRecord(header: [UInt8], sources: [(path: String, identity: FileIdentity?)],
                                       cacheDirectory: String) -> (path: String, directory: String)? {
        var material = Array("identities\n".utf8) + header
        material.reserveCapacity(material.count + sources.count * 160)
        for (path, identity) in sources {
            guard let identity, identity.isSettled else { return nil }
            material.append(contentsOf: path.utf8)
            material.append(0x0A)
            identity.appendText(to: &material)
            material.append(0x0A)
        }
        let directory = cacheDirectory + "/bundles/keys"
        return (directory + "/" + HexCoding.encode(material.withUnsafeBytes { SHA256Digest.hash($0) }.prefix(16)), directory)
    }

    /// Whether a record holds a key: 32 lowercase hex digits.
    private static func isKey(_ bytes: [UInt8]) -> Bool {
        bytes.count == 32 && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Every .rego file under `roots`, links followed as discovery follows them, so editing a
    /// policy reached through a link changes the key too.
    static func regoFiles(under roots: [String]) throws(BundleResolveError) -> [String] {
        try regoSources(under: roots).map(\.path)
    }

    /// ``regoFiles(under:)`` with each file's identity from the walk's stat.
    static func regoSources(under roots: [String]) throws(BundleResolveError) -> [(path: String, identity: FileIdentity?)] {
        var found: [(path: String, identity: FileIdentity?)] = []
        for root in roots {
            do {
                let walked = try PolicyTreeWalk.regoFiles(under: root, harness: "", limits: PolicyWalkLimits(everySource: true))
                found += walked.files.map { ($0, walked.identities[$0]) }
            } catch {
                throw .unreadable(path: root)
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}

/// Why no bundle could be found or built. Each message says how to fix it.
public enum BundleResolveError: Error, CustomStringConvertible, Equatable {
    case noPolicies(harness: String, bundle: String, policies: String)
    case noOPA(harness: String, bundle: String, hint: String)
    case opaFailed(command: String, status: Int32, output: String)
    case unreadable(path: String)

    public var description: String {
        switch self {
        case .noPolicies(let harness, let bundle, let policies):
            "no policies for \(harness): neither \(bundle) nor \(policies) exists"
        case .noOPA(let harness, let bundle, let hint):
            "no policy bundle for \(harness): \(bundle) does not exist and no opa binary was found to compile one; "
                + "install OPA (put it on PATH or pass --opa-path), or build the bundle with: \(hint)"
        case .opaFailed(let command, let status, let output):
            "\(command) failed with exit status \(status): \(output)"
        case .unreadable(let path):
            "cannot read policy source \(path)"
        }
    }
}
