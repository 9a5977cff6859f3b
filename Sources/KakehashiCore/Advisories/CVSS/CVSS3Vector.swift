import Foundation

/// A parsed CVSS 3.0 or 3.1 vector with its base score, computed exactly as the specification says.
///
/// ```swift
/// let v = try CVSS3Vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
/// v.baseScore // 9.8
/// ```
public struct CVSS3Vector: Sendable, Hashable {
    /// `3.0` or `3.1`.
    public let version: String
    /// The vector string as given.
    public let vector: String
    /// Metric values by abbreviation (base, temporal and environmental metrics that were present).
    public let metrics: [String: String]

    static let allowed: [(metric: String, values: Set<String>)] = [
        ("AV", ["N", "A", "L", "P"]), ("AC", ["L", "H"]), ("PR", ["N", "L", "H"]), ("UI", ["N", "R"]),
        ("S", ["U", "C"]), ("C", ["H", "L", "N"]), ("I", ["H", "L", "N"]), ("A", ["H", "L", "N"]),
        ("E", ["X", "U", "P", "F", "H"]), ("RL", ["X", "O", "T", "W", "U"]), ("RC", ["X", "U", "R", "C"]),
        ("CR", ["X", "L", "M", "H"]), ("IR", ["X", "L", "M", "H"]), ("AR", ["X", "L", "M", "H"]),
        ("MAV", ["X", "N", "A", "L", "P"]), ("MAC", ["X", "L", "H"]), ("MPR", ["X", "N", "L", "H"]),
        ("MUI", ["X", "N", "R"]), ("MS", ["X", "U", "C"]), ("MC", ["X", "H", "L", "N"]),
        ("MI", ["X", "H", "L", "N"]), ("MA", ["X", "H", "L", "N"]),
    ]
    static let allowedTable = CVSSVectorParser.table(allowed)
    static let mandatory = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"]

    /// Parses `vector`; throws ``CVSSError`` naming the offending metric.
    public init(_ vector: String) throws(CVSSError) {
        let parsed = try CVSSVectorParser.parse(
            vector, prefixes: ["CVSS:3.1", "CVSS:3.0"], allowed: Self.allowedTable, mandatory: Self.mandatory)
        self.version = parsed.prefix == "CVSS:3.1" ? "3.1" : "3.0"
        self.vector = vector
        self.metrics = parsed.metrics
    }

    /// The base score (0.0–10.0).
    public var baseScore: Double {
        let changed = metrics["S"] == "C"
        let av: Double = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][metrics["AV"] ?? ""] ?? 0
        let ac: Double = ["L": 0.77, "H": 0.44][metrics["AC"] ?? ""] ?? 0
        let pr: Double = switch metrics["PR"] {
        case "N": 0.85
        case "L": changed ? 0.68 : 0.62
        default: changed ? 0.5 : 0.27
        }
        let ui: Double = metrics["UI"] == "N" ? 0.85 : 0.62
        func cia(_ key: String) -> Double { ["H": 0.56, "L": 0.22][metrics[key] ?? ""] ?? 0 }
        let iss: Double = 1 - (1 - cia("C")) * (1 - cia("I")) * (1 - cia("A"))
        let impact: Double = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss
        let exploitability: Double = 8.22 * av * ac * pr * ui
        guard impact > 0 else { return 0 }
        let raw = changed ? min(1.08 * (impact + exploitability), 10) : min(impact + exploitability, 10)
        return roundUp(raw)
    }

    /// The severity rating of ``baseScore``.
    public var severity: CVSSSeverity { CVSSSeverity(score: baseScore) }

    /// CVSS 3.1's Roundup (Appendix A), which avoids floating-point surprises; 3.0 used a plain ceiling.
    func roundUp(_ value: Double) -> Double {
        guard version == "3.1" else { return (value * 10).rounded(.up) / 10 }
        let scaled = Int((value * 100_000).rounded())
        if scaled % 10_000 == 0 { return Double(scaled) / 100_000 }
        return (Double(scaled / 10_000) + 1) / 10
    }
}
