/// A CVSS score as carried by an advisory: the version, the vector and the base score computed from it.
public struct CVSSScore: Sendable, Hashable, Codable {
    /// `3.0`, `3.1` or `4.0`.
    public let version: String
    /// The vector string.
    public let vector: String
    /// The base score computed from the vector (never copied from the document).
    public let baseScore: Double
    /// The severity rating of ``baseScore``.
    public var severity: CVSSSeverity { CVSSSeverity(score: baseScore) }

    /// Parses a CVSS 3.0, 3.1 or 4.0 vector and computes its base score.
    public init(vector: String) throws(CVSSError) {
        if vector.hasPrefix("CVSS:4.0/") {
            let parsed = try CVSS4Vector(vector)
            self.init(version: "4.0", vector: vector, baseScore: parsed.baseScore)
        } else if vector.hasPrefix("CVSS:3.") {
            let parsed = try CVSS3Vector(vector)
            self.init(version: parsed.version, vector: vector, baseScore: parsed.baseScore)
        } else {
            throw CVSSError(vector: vector, metric: nil, rule: "must start with \"CVSS:3.0/\", \"CVSS:3.1/\" or \"CVSS:4.0/\"")
        }
    }

    /// Creates a score whose base score was already computed (for example by ``CVSS3Vector``).
    public init(version: String, vector: String, baseScore: Double) {
        self.version = version
        self.vector = vector
        self.baseScore = baseScore
    }
}
