/// Zeek Intelligence Framework files: a `#fields` header, one tab-separated line per value, `-` for an
/// empty field. A delta adds `meta.remove` (`T` for a value to remove), for a script that calls
/// `Intel::remove`; a full pack, read with `Intel::read_files`, needs no removal.
enum ZeekIntelWriter {
    static let fields = ["indicator", "indicator_type", "meta.source", "meta.desc", "meta.url"]

    static func render(_ pack: DetectionPack, source: String) -> String {
        var text = "#fields\t" + (fields + (pack.isDelta ? ["meta.remove"] : [])).joined(separator: "\t") + "\n"
        var seen = Set<String>()
        func line(_ entry: DetectionEntry, remove: Bool?) {
            let indicator = zeekValue(entry)
            guard seen.insert(entry.kind.zeekType + "\t" + indicator).inserted else { return }
            var columns = [indicator, entry.kind.zeekType, source, entry.description, entry.link ?? ""].map(field)
            if let remove { columns.append(remove ? "T" : "F") }
            text += columns.joined(separator: "\t") + "\n"
        }
        for entry in pack.entries { line(entry, remove: pack.isDelta ? false : nil) }
        for entry in pack.removed where entry.stillListed != true { line(entry, remove: true) }
        return text
    }

    /// Zeek's URL type has no scheme (`HTTP::build_url` gives `host/path`).
    static func zeekValue(_ entry: DetectionEntry) -> String {
        guard entry.kind == .url, let range = entry.value.range(of: "://") else { return entry.value }
        return String(entry.value[range.upperBound...])
    }

    /// A field as Zeek's ASCII reader reads it: separators and line breaks as `\x..`, empty as `-`.
    static func field(_ text: String) -> String {
        if text.isEmpty { return "-" }
        if text == "-" { return "\\x2d" }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\x09"
            case "\n": out += "\\x0a"
            case "\r": out += "\\x0d"
            case "\\": out += "\\x5c"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
