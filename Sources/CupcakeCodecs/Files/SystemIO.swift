#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2) and write(2), named apart from the `read`/`write` methods of the types that call them.
@inline(__always)
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

@inline(__always)
package func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

/// Writes all of `bytes` to `fd`, continuing after partial writes and retrying interrupted ones.
/// Returns nil when everything was written, else the errno of the failure (EIO when the system
/// wrote nothing and reported no error).
package func systemWriteAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard var base = bytes.baseAddress else { return nil }
    var remaining = bytes.count
    while remaining > 0 {
        let written = systemWrite(fd, base, remaining)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if written == 0 { return EIO }
        remaining -= written
        base += written
    }
    return nil
}

/// The C library's text for an errno value, such as "No such file or directory".
package func systemErrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
