#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open-addressing hash table from (field, value bytes) to a posting-list head, with all key
/// bytes in one arena. Lookups take a byte slice and allocate nothing.
public struct ByteKeyTable: Sendable {
    private(set) var slotHash: [UInt64]
    private(set) var slotKey: [Int32]
    private(set) var keyOffset: [UInt32] = []
    private(set) var keyLength: [UInt32] = []
    private(set) var keyField: [UInt8] = []
    private(set) var keyHead: [Int32] = []
    private(set) var arena: [UInt8] = []
    private(set) var mask: Int

    /// An empty table sized for about `expectedKeys` keys.
    public init(expectedKeys: Int = 16) {
        var size = 16
        while size < expectedKeys * 2 { size <<= 1 }
        slotHash = Array(repeating: 0, count: size)
        slotKey = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// Number of distinct keys.
    public var count: Int { keyHead.count }

    /// The posting head for (field, bytes), or -1.
    @inline(__always)
    public func lookup(field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = ByteHash.hash(bytes, seed: UInt64(field)) | 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slotKey[i]
            if k < 0 { return -1 }
            if slotHash[i] == h && matches(Int(k), field, bytes) { return keyHead[Int(k)] }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ k: Int, _ field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard keyField[k] == field, Int(keyLength[k]) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return arena.withUnsafeBufferPointer { a in
            memcmp(a.baseAddress! + Int(keyOffset[k]), bytes.baseAddress!, bytes.count) == 0
        }
    }

    /// Returns the posting head for the key, letting `update` replace it (inserting the key if new).
    public mutating func update(field: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ update: (Int32) -> Int32) {
        if (count + 1) * 2 > slotKey.count { grow() }
        let h = ByteHash.hash(bytes, seed: UInt64(field)) | 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slotKey[i]
            if k < 0 { break }
            if slotHash[i] == h && matches(Int(k), field, bytes) {
                keyHead[Int(k)] = update(keyHead[Int(k)])
                return
            }
            i = (i + 1) & mask
        }
        keyOffset.append(UInt32(arena.count))
        keyLength.append(UInt32(bytes.count))
        keyField.append(field)
        arena.append(contentsOf: bytes)
        keyHead.append(update(-1))
        slotHash[i] = h
        slotKey[i] = Int32(keyHead.count - 1)
    }

    private mutating func grow() {
        let size = slotKey.count * 2
        var hashes = [UInt64](repeating: 0, count: size)
        var keys = [Int32](repeating: -1, count: size)
        let newMask = size - 1
        for s in 0..<slotKey.count where slotKey[s] >= 0 {
            var i = Int(truncatingIfNeeded: slotHash[s]) & newMask
            while keys[i] >= 0 { i = (i + 1) & newMask }
            keys[i] = slotKey[s]
            hashes[i] = slotHash[s]
        }
        slotHash = hashes
        slotKey = keys
        mask = newMask
    }

    /// Bytes used, for memory reports.
    public var memoryBytes: Int {
        slotHash.capacity * 8 + slotKey.capacity * 4 + keyHead.capacity * 13 + arena.capacity
    }
}
