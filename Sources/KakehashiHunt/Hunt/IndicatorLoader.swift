#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the indicators out of a STIX bundle (`{"type":"bundle","objects":[…]}`) or a JSON array of
/// objects without building a document tree: the file is memory-mapped and parsed in one pass, and
/// pages already parsed are released, so a million indicators do not need gigabytes.
public enum IndicatorLoader {
    /// Calls `body` for every `indicator` object (other object types are passed over).
    /// Indicators without an id or pattern are reported through `skipped`.
    /// - Throws: `IndicatorFileError` when the file cannot be read or is not valid JSON.
    public static func forEachIndicator(
        path: String, skipped: (SkippedIndicator) -> Void, _ body: (IndicatorRecord) -> Void
    ) throws(IndicatorFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IndicatorFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IndicatorFileError(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        guard size > 0 else { throw IndicatorFileError(path: path, reason: "file is empty") }
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            throw IndicatorFileError(path: path, reason: "cannot map file: \(String(cString: strerror(errno)))")
        }
        defer { munmap(map, size) }
        let bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size)
        do throws(JSONCursor.Failure) {
            try parse(bytes, release: { upTo in
                let page = 1 << 16
                let end = upTo / page * page
                if end > 0 { madvise(map, end, Int32(MADV_DONTNEED)) }
            }, skipped: skipped, body)
        } catch {
            throw IndicatorFileError(path: path, reason: "invalid JSON at byte \(error.offset + 1): \(error.reason)")
        }
    }

    /// Parses indicator JSON held in memory (tests, API uploads).
    public static func forEachIndicator(
        json: [UInt8], skipped: (SkippedIndicator) -> Void, _ body: (IndicatorRecord) -> Void
    ) throws(IndicatorFileError) {
        do throws(JSONCursor.Failure) {
            try json.withUnsafeBufferPointer { (b) throws(JSONCursor.Failure) in
                try parse(b, release: { _ in }, skipped: skipped, body)
            }
        } catch {
            throw IndicatorFileError(path: "<memory>", reason: "invalid JSON at byte \(error.offset + 1): \(error.reason)")
        }
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, release: (Int) -> Void,
        skipped: (SkippedIndicator) -> Void, _ body: (IndicatorRecord) -> Void
    ) throws(JSONCursor.Failure) {
        var c = JSONCursor(bytes)
        var scratch: [UInt8] = []
        c.skipSpace()
        if c.peek == UInt8(ascii: "{") {
            c.advance()
            var sawObjects = false
            while true {
                c.skipSpace()
                if c.peek == UInt8(ascii: "}") { c.advance(); break }
                let key = try c.string(into: &scratch)
                let name = key.withBytes(in: c, scratch: scratch) { String(decoding: $0, as: UTF8.self) }
                c.skipSpace(); try c.expect(UInt8(ascii: ":")); c.skipSpace()
                if name == "objects" {
                    sawObjects = true
                    try objects(&c, &scratch, release, skipped, body)
                } else {
                    try c.skipValue(scratch: &scratch)
                }
                c.skipSpace()
                if c.peek == UInt8(ascii: ",") { c.advance() }
            }
            if !sawObjects { throw JSONCursor.Failure(offset: 0, reason: "a JSON object without an \"objects\" array is not a STIX bundle") }
        } else {
            try objects(&c, &scratch, release, skipped, body)
        }
        c.skipSpace()
        guard c.atEnd else { throw JSONCursor.Failure(offset: c.position, reason: "text after the end of the document") }
    }

    private static func objects(
        _ c: inout JSONCursor, _ scratch: inout [UInt8], _ release: (Int) -> Void,
        _ skipped: (SkippedIndicator) -> Void, _ body: (IndicatorRecord) -> Void
    ) throws(JSONCursor.Failure) {
        try c.expect(UInt8(ascii: "["))
        c.skipSpace()
        if c.peek == UInt8(ascii: "]") { c.advance(); return }
        var index = 0
        var lastRelease = 0
        while true {
            c.skipSpace()
            guard c.peek == UInt8(ascii: "{") else { throw JSONCursor.Failure(offset: c.position, reason: "expected an object in the objects array") }
            c.advance()
            var fields: [String: String] = [:]
            c.skipSpace()
            if c.peek == UInt8(ascii: "}") { c.advance() } else {
                while true {
                    c.skipSpace()
                    let key = try c.string(into: &scratch)
                    let name = key.withBytes(in: c, scratch: scratch) { String(decoding: $0, as: UTF8.self) }
                    c.skipSpace(); try c.expect(UInt8(ascii: ":")); c.skipSpace()
                    if c.peek == UInt8(ascii: "\""), wanted.contains(name) {
                        let value = try c.string(into: &scratch)
                        fields[name] = value.withBytes(in: c, scratch: scratch) { String(decoding: $0, as: UTF8.self) }
                    } else {
                        try c.skipValue(scratch: &scratch)
                    }
                    c.skipSpace()
                    if c.peek == UInt8(ascii: ",") { c.advance(); continue }
                    try c.expect(UInt8(ascii: "}"))
                    break
                }
            }
            index += 1
            if fields["type"] == "indicator" {
                if let id = fields["id"], let pattern = fields["pattern"] {
                    body(IndicatorRecord(id: id, pattern: pattern, patternType: fields["pattern_type"] ?? "stix",
                                         name: fields["name"], validFrom: fields["valid_from"], validUntil: fields["valid_until"]))
                } else {
                    skipped(SkippedIndicator(id: fields["id"] ?? "object #\(index)", reason: "indicator without id or pattern"))
                }
            }
            if c.position - lastRelease > 32 << 20 { release(c.position); lastRelease = c.position }
            c.skipSpace()
            if c.peek == UInt8(ascii: ",") { c.advance(); continue }
            try c.expect(UInt8(ascii: "]"))
            return
        }
    }

    private static let wanted: Set<String> = ["type", "id", "pattern", "pattern_type", "name", "valid_from", "valid_until"]
}
