/// A parsed CVSS 4.0 vector with its score, computed with FIRST's macro-vector lookup algorithm.
///
/// With only base metrics present the score is the CVSS-B base score; threat and environmental metrics,
/// when present, are taken into account exactly as the reference calculator does.
///
/// ```swift
/// let v = try CVSS4Vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
/// v.baseScore // 9.3
/// ```
public struct CVSS4Vector: Sendable, Hashable {
    /// The vector string as given.
    public let vector: String
    /// Metric values by abbreviation, as present in the vector.
    public let metrics: [String: String]

    static let allowedTable = CVSSVectorParser.table(allowedValues)
    static let mandatory = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"]

    /// Parses `vector`; throws ``CVSSError`` naming the offending metric.
    public init(_ vector: String) throws(CVSSError) {
        let parsed = try CVSSVectorParser.parse(
            vector, prefixes: ["CVSS:4.0"], allowed: Self.allowedTable, mandatory: Self.mandatory)
        self.vector = vector
        self.metrics = parsed.metrics
    }

    /// The score (0.0–10.0).
    public var baseScore: Double { CVSS4Scorer(metrics: metrics).score() }

    /// The severity rating of ``baseScore``.
    public var severity: CVSSSeverity { CVSSSeverity(score: baseScore) }

    /// The six EQ digits that select the macro vector, for example `"000200"`.
    public var macroVector: String { CVSS4Scorer(metrics: metrics).macroVector() }
}
