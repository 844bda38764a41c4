/// A growable byte buffer for building one line. Appends are a bounds check and a store: no
/// copy-on-write uniqueness checks, no intermediate arrays (a trace line must cost well under a
/// microsecond to build).
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends without a capacity check; the caller reserved room first.
    @inline(__always)
    mutating func appendUnchecked(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        reserve(length)
        (base + count).update(from: text.utf8Start, count: length)
        count += length
    }

    /// Stores 8 bytes at once (little-endian order); room was reserved by the caller.
    @inline(__always)
    mutating func appendUnchecked(word: UInt64) {
        UnsafeMutableRawPointer(base + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count += 8
    }

    /// Appends `count` bytes that `fill` writes into the room reserved for them.
    @inline(__always)
    mutating func append(count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        reserve(count)
        fill(base + self.count)
        self.count += count
    }

    /// Room for `extra` more bytes after the written ones, to fill and then ``commit(_:)``; bytes
    /// filled but not committed are overwritten by the next append.
    @inline(__always)
    mutating func uncommittedTail(reserving extra: Int) -> UnsafeMutableRawPointer {
        reserve(extra)
        return UnsafeMutableRawPointer(base + count)
    }

    /// Counts `written` bytes filled in through ``uncommittedTail(reserving:)`` as appended.
    @inline(__always)
    mutating func commit(_ written: Int) {
        count += written
    }

    /// Forgets the bytes written, keeping the storage for the next line.
    mutating func removeAll() {
        count = 0
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// The bytes written so far; valid only during `body`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes, for lines that are held back (sampling).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
