#if canImport(CZlib)
import CZlib

/// Decompresses a gzip file (including concatenated multi-member files) with zlib's `inflate`.
public final class GzipByteSource: ByteSource {
    private let file: FileByteSource
    private let path: String
    private var stream = z_stream()
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var finished = false

    /// Bytes of compressed input read so far.
    public var bytesConsumed: Int { file.bytesConsumed }

    /// Opens `path` and prepares zlib to decode gzip headers automatically.
    public init(path: String, inputChunk: Int = 1 << 20) throws(LogReadError) {
        self.file = try FileByteSource(path: path)
        self.path = path
        self.input = .allocate(byteCount: inputChunk, alignment: 16)
        // 15 + 32: maximum window, auto-detect gzip or zlib headers.
        let rc = kakehashi_inflateInit2(&stream, 15 + 32)
        guard rc == Z_OK else {
            input.deallocate()
            throw .corruptGzip(path: path, reason: "inflateInit2 failed (\(rc))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    /// Fills `buffer` with decompressed bytes; returns 0 at the end of the last gzip member.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(LogReadError) -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        stream.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(clamping: buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !inputEnded {
                let n = try file.read(into: input)
                if n == 0 { inputEnded = true } else {
                    stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = UInt32(n)
                }
            }
            if stream.avail_in == 0 && inputEnded { break }
            let rc = inflate(&stream, Z_NO_FLUSH)
            if rc == Z_STREAM_END {
                // Another gzip member may follow (e.g. `cat a.gz b.gz`).
                if stream.avail_in == 0 && inputEnded { finished = true; break }
                inflateReset(&stream)
                continue
            }
            if rc == Z_BUF_ERROR && stream.avail_in == 0 && !inputEnded { continue }
            guard rc == Z_OK else {
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                throw .corruptGzip(path: path, reason: message)
            }
        }
        let produced = buffer.count - Int(stream.avail_out)
        if produced == 0 && inputEnded && !finished {
            finished = true
            if stream.total_out > 0 || stream.total_in > 0 {
                // Input ended in the middle of a member.
                if inflate(&stream, Z_FINISH) != Z_STREAM_END {
                    throw .corruptGzip(path: path, reason: "unexpected end of compressed data")
                }
            }
        }
        return produced
    }
}
#else
/// Placeholder when the package is built without the `CZlib` system-library target.
public final class GzipByteSource: ByteSource {
    /// Always 0.
    public var bytesConsumed: Int { 0 }

    /// Always throws: gzip needs zlib.
    public init(path: String, inputChunk: Int = 1 << 20) throws(LogReadError) {
        throw .unsupportedFormat(path: path, reason: "gzip input needs zlib, which this build was made without")
    }

    /// Never called.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(LogReadError) -> Int { 0 }
}
#endif
