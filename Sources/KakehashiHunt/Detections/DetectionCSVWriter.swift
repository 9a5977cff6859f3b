import Foundation

/// Every entry of a pack as CSV (RFC 4180), with an `action` column: `add`, or in a delta `remove`.
/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
enum DetectionCSVWriter {
    static let header = "action,indicator,kind,value,sid,name,confidence,link\r\n"

    static func render(_ pack: DetectionPack) -> String {
        var text = header
        func row(_ action: String, _ entry: DetectionEntry) {
            let columns = [action, entry.indicator, entry.kind.rawValue, entry.value, entry.sid.map(String.init) ?? "",
                           entry.name ?? "", entry.confidence.map(String.init) ?? "", entry.link ?? ""]
            text += columns.map(field).joined(separator: ",") + "\r\n"
        }
        for entry in pack.entries { row("add", entry) }
        for entry in pack.removed { row("remove", entry) }
        return text
    }

    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
