#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one log file (plain or gzip, detected by magic bytes), detects or applies its format, and
/// hands each record to a callback as a reusable `LogEvent`.
public final class LogFileReader {
    /// The file being read.
    public let path: String
    private let source: any ByteSource
    private let format: LogFormat?
    private let mapping: FieldMapping?
    /// The file's size on disk (compressed size for gzip), when known.
    public let fileSize: Int?
    /// Whether the file is gzip-compressed.
    public let isGzip: Bool

    /// Opens `path`; `format` nil means detect from the first line.
    /// - Throws: `LogReadError.unreadable` when the file cannot be opened.
    public init(path: String, format: LogFormat? = nil, mapping: FieldMapping? = nil) throws(LogReadError) {
        self.path = path
        self.format = format
        self.mapping = mapping
        let plain = try FileByteSource(path: path)
        fileSize = plain.fileSize
        var magic = [UInt8](repeating: 0, count: 2)
        let read = magic.withUnsafeMutableBytes { buf in Result { () throws(LogReadError) -> Int in try plain.read(into: buf) } }
        let n = try read.get()
        isGzip = n == 2 && magic[0] == 0x1F && magic[1] == 0x8B
        source = isGzip ? try GzipByteSource(path: path) : try FileByteSource(path: path)
    }

    /// Bytes of the file consumed so far.
    public var bytesConsumed: Int { source.bytesConsumed }

    /// Reads every line; calls `onEvent` for each record and `onMalformed` for each bad line.
    /// `onEvent` returns false to stop. Returns the number of lines read.
    /// - Throws: `LogReadError` when the file cannot be read or its format cannot be determined.
    @discardableResult
    public func forEachEvent(
        onEvent: (inout LogEvent, Int) -> Bool,
        onMalformed: (MalformedLine) -> Void
    ) throws(LogReadError) -> Int {
        var reader = LineReader(source: source)
        defer { reader.close() }
        var parser: (any ParserBox)?
        var event = LogEvent()
        var lines = 0
        do {
            try reader.forEachLine { line, number in
                lines = number
                if parser == nil {
                    if line.isEmpty { return true }
                    parser = try makeParser(firstLine: line)
                }
                event.reset()
                guard let parser else { return true }
                switch parser.parse(line, into: &event) {
                case .event: return onEvent(&event, number)
                case .skip: return true
                case .malformed(let reason):
                    onMalformed(MalformedLine(path: path, line: number, reason: reason))
                    return true
                }
            }
        } catch let error as LogReadError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        return lines
    }

    private func makeParser(firstLine: UnsafeBufferPointer<UInt8>) throws(LogReadError) -> any ParserBox {
        let parser = try makeLineParser(firstLine: firstLine)
        return parser.boxed()
    }

    private func makeLineParser(firstLine: UnsafeBufferPointer<UInt8>) throws(LogReadError) -> any LogLineParser {
        let detected = format ?? LogFormatDetector.detect(firstLine, hasMapping: mapping != nil)
        switch detected {
        case .zeek:
            if firstLine.first == UInt8(ascii: "{") { return JSONLineParser(paths: ZeekFieldRoles.table) }
            return ZeekTSVParser()
        case .eve:
            return JSONLineParser(paths: EVEFieldRoles.table)
        case .jsonl:
            guard let mapping else { throw .unsupportedFormat(path: path, reason: "JSON lines need a field mapping (--mapping)") }
            return JSONLineParser(paths: mapping.columns)
        case .csv:
            guard let mapping else { throw .unsupportedFormat(path: path, reason: "CSV needs a field mapping (--mapping)") }
            return CSVLineParser(mapping: mapping)
        case nil:
            throw .unsupportedFormat(path: path, reason: "format not recognised (not Zeek, EVE, JSON lines or CSV); pass --format and --mapping")
        }
    }
}

/// Holds a parser in a class so calling it through an existential neither copies its state nor
/// retains its arrays once per line.
protocol ParserBox: AnyObject {
    func parse(_ line: UnsafeBufferPointer<UInt8>, into event: inout LogEvent) -> LineOutcome
}

final class LineParserBox<P: LogLineParser>: ParserBox {
    // The parser lives in raw memory: a stored `var` of a class would cost a dynamic exclusivity
    // check (swift_beginAccess) on every line.
    private let parser: UnsafeMutablePointer<P>
    init(_ parser: P) {
        self.parser = .allocate(capacity: 1)
        self.parser.initialize(to: parser)
    }
    deinit {
        parser.deinitialize(count: 1)
        parser.deallocate()
    }
    func parse(_ line: UnsafeBufferPointer<UInt8>, into event: inout LogEvent) -> LineOutcome {
        parser.pointee.parse(line, into: &event)
    }
}

extension LogLineParser {
    func boxed() -> any ParserBox { LineParserBox(self) }
}
