import Foundation

/// Suricata dataset files: one value a line, as the dataset's type wants it (`ip`: the address text;
/// `md5`, `sha256`: hexadecimal; `string`, for domains and URLs: base64).
enum SuricataDatasetWriter {
    /// The dataset type that holds `kind`.
    static func type(of kind: DetectionKind) -> String? {
        switch kind {
        case .address: "ip"
        case .domain, .url: "string"
        case .md5: "md5"
        case .sha256: "sha256"
        default: nil
        }
    }

    static func render(_ pack: DetectionPack, kinds: Set<DetectionKind>) -> String {
        var seen = Set<String>()
        var text = ""
        for entry in pack.entries where kinds.contains(entry.kind) {
            guard let type = type(of: entry.kind), seen.insert(entry.value).inserted else { continue }
            text += (type == "string" ? Data(entry.value.utf8).base64EncodedString() : entry.value) + "\n"
        }
        return text
    }
}
