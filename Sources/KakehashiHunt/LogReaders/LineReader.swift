#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a `ByteSource` into lines without copying them: each line is handed out as a byte slice of
/// a large reusable buffer, valid only during the callback.
public struct LineReader {
    private let source: any ByteSource
    private var buffer: UnsafeMutableRawBufferPointer

    /// Creates a reader with a `chunkSize`-byte buffer (grown when a single line is longer).
    public init(source: any ByteSource, chunkSize: Int = 4 << 20) {
        self.source = source
        self.buffer = .allocate(byteCount: max(chunkSize, 64), alignment: 64)
    }

    /// Releases the buffer; call once when done.
    public mutating func close() { buffer.deallocate(); buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0) }

    /// Calls `body` for each line (without `\n` or trailing `\r`) with its 1-based number.
    /// `body` returns false to stop early.
    public mutating func forEachLine(
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool
    ) throws {
        var lineNumber = 0
        var filled = 0
        var start = 0
        var eof = false
        while !eof {
            if start > 0 {
                let rest = filled - start
                if rest > 0, let base = buffer.baseAddress {
                    memmove(base, base + start, rest)
                }
                filled = rest
                start = 0
            }
            if filled == buffer.count { grow() }
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if n == 0 { eof = true } else { filled += n }
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            var pos = start
            while pos < filled {
                guard let nl = memchr(base + pos, 0x0A, filled - pos) else { break }
                let end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                if try !body(Self.trimmed(base, pos, end), lineNumber) { return }
                pos = end + 1
            }
            start = pos
            if eof && start < filled {
                lineNumber += 1
                _ = try body(Self.trimmed(base, start, filled), lineNumber)
            }
        }
    }

    private static func trimmed(_ base: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
        var end = to
        if end > from && base[end - 1] == 0x0D { end -= 1 }
        return UnsafeBufferPointer(start: base + from, count: end - from)
    }

    private mutating func grow() {
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 64)
        bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = bigger
    }
}
