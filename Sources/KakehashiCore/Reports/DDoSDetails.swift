/// The shape of a denial-of-service attack.
public struct DDoSDetails: Sendable, Codable, Hashable {
    /// Peak traffic in bits per second.
    public var peakBitsPerSecond: Double?
    /// Peak traffic in packets per second.
    public var peakPacketsPerSecond: Double?
    /// Attack vectors, e.g. `udp-flood`, `dns-amplification`, `http-flood`.
    public var vectors: [String]
    /// How it was mitigated, e.g. `upstream scrubbing`.
    public var mitigation: String?

    /// Creates DDoS details.
    public init(peakBitsPerSecond: Double? = nil, peakPacketsPerSecond: Double? = nil, vectors: [String] = [], mitigation: String? = nil) {
        self.peakBitsPerSecond = peakBitsPerSecond
        self.peakPacketsPerSecond = peakPacketsPerSecond
        self.vectors = vectors
        self.mitigation = mitigation
    }

    enum CodingKeys: String, CodingKey { case peakBitsPerSecond, peakPacketsPerSecond, vectors, mitigation }

    /// Decodes DDoS details; `vectors` defaults to empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        peakBitsPerSecond = try c.decodeIfPresent(Double.self, forKey: .peakBitsPerSecond)
        peakPacketsPerSecond = try c.decodeIfPresent(Double.self, forKey: .peakPacketsPerSecond)
        vectors = try c.decodeIfPresent([String].self, forKey: .vectors) ?? []
        mitigation = try c.decodeIfPresent(String.self, forKey: .mitigation)
    }
}
