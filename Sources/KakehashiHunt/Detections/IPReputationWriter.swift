/// Suricata IP reputation files: `address-or-block,category,score`, category 1 (``category``), the
/// score from the indicator's confidence (1–127; 100 when it gives none), the highest when several
/// indicators name one address.
enum IPReputationWriter {
    /// The categories file that goes with it (`reputation-categories-file`).
    static let category = "1,kakehashi,Indicators shared through Kakehashi\n"

    static func render(_ pack: DetectionPack) -> String {
        var scores: [String: Int] = [:]
        var order: [String] = []
        for entry in pack.entries where entry.kind == .address || entry.kind == .subnet {
            let score = entry.confidence.map { max(1, min(127, ($0 * 127 + 50) / 100)) } ?? 100
            if let known = scores[entry.value] {
                scores[entry.value] = max(known, score)
            } else {
                scores[entry.value] = score
                order.append(entry.value)
            }
        }
        return order.map { "\($0),1,\(scores[$0]!)\n" }.joined()
    }
}
