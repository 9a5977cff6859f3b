#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sequential source of raw bytes (a plain file or a decompressed gzip stream).
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(LogReadError) -> Int
    /// Bytes consumed from the underlying file so far (compressed bytes for gzip), for progress.
    var bytesConsumed: Int { get }
}

/// Reads a file with plain POSIX `read(2)` calls into caller-provided buffers.
public final class FileByteSource: ByteSource {
    private let fd: Int32
    private let path: String
    /// Bytes read from the file so far.
    public private(set) var bytesConsumed = 0

    /// Opens `path` for reading.
    /// - Throws: `LogReadError.unreadable` naming the file and the system error.
    public init(path: String) throws(LogReadError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Reads the next chunk, retrying on `EINTR`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(LogReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, base, buffer.count)
            #else
            let n = Darwin.read(fd, base, buffer.count)
            #endif
            if n >= 0 {
                bytesConsumed += n
                return n
            }
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The file's size in bytes, or nil when it cannot be determined.
    public var fileSize: Int? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return Int(st.st_size)
    }
}
