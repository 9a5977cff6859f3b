/// Guesses a log's format from its first non-empty line.
public enum LogFormatDetector {
    /// `.zeek` for `#separator`/`#fields` headers or JSON with Zeek keys, `.eve` for JSON with
    /// `event_type`, `.jsonl` for other JSON and `.csv` for anything else when a mapping is given.
    public static func detect(_ line: UnsafeBufferPointer<UInt8>, hasMapping: Bool) -> LogFormat? {
        guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
        if first == UInt8(ascii: "#") { return .zeek }
        if first == UInt8(ascii: "{") {
            if contains(line, "\"event_type\"") { return .eve }
            if contains(line, "\"id.orig_h\"") || contains(line, "\"_path\"") || contains(line, "\"uid\"")
                || contains(line, "\"fuid\"") { return .zeek }
            return hasMapping ? .jsonl : nil
        }
        return hasMapping ? .csv : nil
    }

    private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard line.count >= n.count else { return false }
        for i in 0...(line.count - n.count) where line[i] == n[0] {
            if line[i..<(i + n.count)].elementsEqual(n) { return true }
        }
        return false
    }
}
