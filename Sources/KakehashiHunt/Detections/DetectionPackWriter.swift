import Foundation

/// Renders a pack as the file a sensor loads. The same pack gives the same bytes: entries are in
/// ``DetectionEntry`` order, SIDs in rule order.
public enum DetectionPackWriter {
    /// The file for `format`.
    /// - Parameters:
    ///   - kinds: for `plain` and `suricata-dataset`, which kinds of value the file holds (the format's default when `nil`).
    ///   - source: what Zeek's `meta.source` names.
    public static func render(_ pack: DetectionPack, format: DetectionFormat, kinds: Set<DetectionKind>? = nil, source: String = "kakehashi") -> String {
        let kinds = kinds ?? format.defaultKinds
        switch format {
        case .zeek: return ZeekIntelWriter.render(pack, source: source)
        case .suricata: return SuricataRuleWriter.render(pack)
        case .suricataDataset: return SuricataDatasetWriter.render(pack, kinds: kinds)
        case .iprep: return IPReputationWriter.render(pack)
        case .plain: return uniqueValues(pack.entries, kinds: kinds).map { $0 + "\n" }.joined()
        case .csv: return DetectionCSVWriter.render(pack)
        case .report:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(pack)) ?? Data("{}".utf8), as: UTF8.self)
        }
    }

    /// The categories file that goes with an IP reputation file (Suricata's `reputation-categories-file`).
    public static var iprepCategories: String { IPReputationWriter.category }

    /// The distinct values of `entries` of `kinds`, in entry order.
    static func uniqueValues(_ entries: [DetectionEntry], kinds: Set<DetectionKind>) -> [String] {
        var seen = Set<String>()
        return entries.filter { kinds.contains($0.kind) && seen.insert($0.value).inserted }.map(\.value)
    }
}
