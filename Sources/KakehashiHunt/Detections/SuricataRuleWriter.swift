/// Suricata rules, one per entry, each with the SID allocated to it.
///
/// Rules are built to pass Suricata's parser (MISP#5766): `msg` is quoted with `\"`, `\;` and `\\`
/// escaped; `content` bytes that a rule cannot hold bare (`"`, `;`, `\`, `|`, controls, non-ASCII)
/// are written in `|hex|`. Entries without a SID are not written (the pack's builder lists them).
enum SuricataRuleWriter {
    static func render(_ pack: DetectionPack) -> String {
        var text = "# Kakehashi detection pack: \(pack.entries.count) rules\n"
        for entry in pack.entries.sorted(by: { ($0.sid ?? 0) < ($1.sid ?? 0) }) {
            guard let sid = entry.sid, let rule = rule(entry, sid: sid) else { continue }
            text += rule + "\n"
        }
        return text
    }

    static func rule(_ entry: DetectionEntry, sid: Int64) -> String? {
        let msg = "msg:\"KAKEHASHI \(kindWord(entry.kind)) \(escapeMessage(entry.name ?? entry.value))\";"
        let tail = " metadata:kakehashi_indicator \(entry.indicator); sid:\(sid); rev:1;)"
        switch entry.kind {
        case .address, .subnet:
            return "alert ip \(entry.value) any <> any any (\(msg) classtype:bad-unknown;" + tail
        case .domain:
            return "alert dns any any -> any any (\(msg) dns.query; content:\"\(content(entry.value))\"; nocase; startswith; endswith; classtype:bad-unknown;" + tail
        case .url:
            guard let (host, path) = split(url: entry.value) else { return nil }
            return "alert http any any -> any any (\(msg) flow:established,to_server; http.host; content:\"\(content(host))\"; nocase; startswith; endswith; "
                + "http.uri; content:\"\(content(path))\"; startswith; endswith; classtype:bad-unknown;" + tail
        default:
            return nil
        }
    }

    static func kindWord(_ kind: DetectionKind) -> String {
        switch kind {
        case .address, .subnet: "address"
        case .domain: "domain"
        case .url: "URL"
        default: kind.rawValue
        }
    }

    /// `msg` text: quotes, semicolons and backslashes escaped, line breaks and controls as spaces.
    static func escapeMessage(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", ";", "\\": out += "\\"; out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `content` text: printable ASCII bare, everything a rule cannot hold bare as `|hex|`.
    static func content(_ text: String) -> String {
        var out = ""
        var hex: [String] = []
        func flush() {
            if !hex.isEmpty { out += "|" + hex.joined(separator: " ") + "|"; hex = [] }
        }
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x3B || byte == 0x5C || byte == 0x7C {
                let digits = String(byte, radix: 16, uppercase: true)
                hex.append(digits.count == 1 ? "0" + digits : digits)
            } else {
                flush()
                out.append(Character(Unicode.Scalar(byte)))
            }
        }
        flush()
        return out
    }

    /// The host (no port) and the path with query of an http URL; the path is `/` when absent.
    static func split(url: String) -> (String, String)? {
        guard let host = DetectionAllowlist.host(of: url), let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let path = rest.firstIndex { $0 == "/" || $0 == "?" }.map { String(rest[$0...]) } ?? "/"
        let fragmentless = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        return (host, fragmentless.hasPrefix("?") ? "/" + fragmentless : fragmentless)
    }
}
