/// Where a pack stands: the last version it considered (date added, microseconds) and the instant it
/// was made, so that the next delta knows both what was added since and what expired since.
///
/// Written as `<dateAdded>.<asOf>`, e.g. `1764806400000000.1764806400500000`.
public struct DetectionCursor: Sendable, Hashable, Codable, CustomStringConvertible {
    public var dateAdded: Int64
    public var asOf: Int64

    public init(dateAdded: Int64, asOf: Int64) {
        self.dateAdded = dateAdded
        self.asOf = asOf
    }

    /// Reads the text form; `nil` when it is not a cursor a pack sent.
    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let added = Int64(parts[0]), let asOf = Int64(parts[1]), added >= 0, asOf >= 0 else { return nil }
        self.init(dateAdded: added, asOf: asOf)
    }

    public var description: String { "\(dateAdded).\(asOf)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cursor = DetectionCursor(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a detection cursor"))
        }
        self = cursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
