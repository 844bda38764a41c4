#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's OpenSSL (libssl.so.3), opened on first use: only a process that sends to an
/// https collector (the detached delivery process) loads it, so a hook's start-up never pays for
/// it. Nil when the library or one of its functions is missing; the caller then reports that.
struct OpenSSL: @unchecked Sendable {
    typealias Pointer = OpaquePointer
    let clientMethod: @convention(c) () -> Pointer?
    let contextNew: @convention(c) (Pointer?) -> Pointer?
    let contextFree: @convention(c) (Pointer?) -> Void
    let contextSetVerify: @convention(c) (Pointer?, Int32, OpaquePointer?) -> Void
    let contextLoadVerifyLocations: @convention(c) (Pointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let contextSetDefaultVerifyPaths: @convention(c) (Pointer?) -> Int32
    let new: @convention(c) (Pointer?) -> Pointer?
    let free: @convention(c) (Pointer?) -> Void
    let setFD: @convention(c) (Pointer?, Int32) -> Int32
    let setHost: @convention(c) (Pointer?, UnsafePointer<CChar>?) -> Int32
    let control: @convention(c) (Pointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int
    let connect: @convention(c) (Pointer?) -> Int32
    let getError: @convention(c) (Pointer?, Int32) -> Int32
    let write: @convention(c) (Pointer?, UnsafeRawPointer?, Int32) -> Int32
    let read: @convention(c) (Pointer?, UnsafeMutableRawPointer?, Int32) -> Int32
    let shutdown: @convention(c) (Pointer?) -> Int32
    let verifyResult: @convention(c) (Pointer?) -> Int
    let errorGet: @convention(c) () -> UInt
    let errorString: @convention(c) (UInt, UnsafeMutablePointer<CChar>?, Int) -> Void
    let verifyErrorString: @convention(c) (Int) -> UnsafePointer<CChar>?

    static let shared: OpenSSL? = load()

    private static func load() -> OpenSSL? {
        let names: [String] = ["libssl.so.3", "libssl.so"]
        guard let handle = names.lazy.compactMap({ name in dlopen(name, RTLD_NOW | RTLD_LOCAL) }).first else { return nil }
        func symbol<T>(_ name: String, _: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let clientMethod = symbol("TLS_client_method", (@convention(c) () -> Pointer?).self),
              let contextNew = symbol("SSL_CTX_new", (@convention(c) (Pointer?) -> Pointer?).self),
              let contextFree = symbol("SSL_CTX_free", (@convention(c) (Pointer?) -> Void).self),
              let contextSetVerify = symbol("SSL_CTX_set_verify", (@convention(c) (Pointer?, Int32, OpaquePointer?) -> Void).self),
              let loadLocations = symbol("SSL_CTX_load_verify_locations",
                                         (@convention(c) (Pointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32).self),
              let defaultPaths = symbol("SSL_CTX_set_default_verify_paths", (@convention(c) (Pointer?) -> Int32).self),
              let new = symbol("SSL_new", (@convention(c) (Pointer?) -> Pointer?).self),
              let free = symbol("SSL_free", (@convention(c) (Pointer?) -> Void).self),
              let setFD = symbol("SSL_set_fd", (@convention(c) (Pointer?, Int32) -> Int32).self),
              let setHost = symbol("SSL_set1_host", (@convention(c) (Pointer?, UnsafePointer<CChar>?) -> Int32).self),
              let control = symbol("SSL_ctrl", (@convention(c) (Pointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int).self),
              let connect = symbol("SSL_connect", (@convention(c) (Pointer?) -> Int32).self),
              let getError = symbol("SSL_get_error", (@convention(c) (Pointer?, Int32) -> Int32).self),
              let write = symbol("SSL_write", (@convention(c) (Pointer?, UnsafeRawPointer?, Int32) -> Int32).self),
              let read = symbol("SSL_read", (@convention(c) (Pointer?, UnsafeMutableRawPointer?, Int32) -> Int32).self),
              let shutdown = symbol("SSL_shutdown", (@convention(c) (Pointer?) -> Int32).self),
              let verifyResult = symbol("SSL_get_verify_result", (@convention(c) (Pointer?) -> Int).self),
              let errorGet = symbol("ERR_get_error", (@convention(c) () -> UInt).self),
              let errorString = symbol("ERR_error_string_n", (@convention(c) (UInt, UnsafeMutablePointer<CChar>?, Int) -> Void).self),
              let verifyErrorString = symbol("X509_verify_cert_error_string", (@convention(c) (Int) -> UnsafePointer<CChar>?).self)
        else { return nil }
        return OpenSSL(clientMethod: clientMethod, contextNew: contextNew, contextFree: contextFree, contextSetVerify: contextSetVerify,
                       contextLoadVerifyLocations: loadLocations, contextSetDefaultVerifyPaths: defaultPaths, new: new, free: free,
                       setFD: setFD, setHost: setHost, control: control, connect: connect, getError: getError, write: write,
                       read: read, shutdown: shutdown, verifyResult: verifyResult, errorGet: errorGet, errorString: errorString,
                       verifyErrorString: verifyErrorString)
    }

    /// The oldest queued OpenSSL error as text, the queue emptied.
    func lastError() -> String {
        var first: UInt = 0
        while true {
            let code = errorGet()
            if code == 0 { break }
            if first == 0 { first = code }
        }
        guard first != 0 else { return "unknown TLS error" }
        var buffer = [CChar](repeating: 0, count: 256)
        errorString(first, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
