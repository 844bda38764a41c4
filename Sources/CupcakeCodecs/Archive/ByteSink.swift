/// A growable output buffer with a hard size limit, written through a raw pointer so that the
/// decompressor's inner loop carries no array bookkeeping.
struct ByteSink: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes written so far.
    var count: Int = 0
    /// Writing past this many bytes is an error rather than an allocation.
    let limit: Int

    init(initialCapacity: Int, limit: Int) {
        self.limit = max(0, limit)
        // Capacity never passes the limit, so the fast path in `reserve` enforces it too.
        capacity = max(0, min(initialCapacity, self.limit))
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, capacity))
    }

    deinit {
        base.deallocate()
    }

    /// Makes room for `n` more bytes; false when that would pass the limit.
    @inline(__always)
    mutating func reserve(_ n: Int) -> Bool {
        if count + n <= capacity { return true }
        return grow(toHold: count + n)
    }

    private mutating func grow(toHold needed: Int) -> Bool {
        if needed > limit { return false }
        let doubled = capacity > limit / 2 ? limit : capacity * 2
        let newCapacity = max(needed, doubled)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
        return true
    }

    /// The bytes written, as an array.
    func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// CRC-32 of the bytes from `start` to the end.
    func crc32(from start: Int) -> UInt32 {
        var crc = CRC32()
        crc.update(UnsafeBufferPointer(start: base + start, count: count - start))
        return crc.value
    }
}
