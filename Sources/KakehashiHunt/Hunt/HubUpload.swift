/// Sends a hunt's sightings to a Kakehashi hub (TAXII collection, optional incident report).
/// The network client lives in the server target; it is installed here by the executable.
public enum HubUpload {
    /// Uploads `bundle` to `collection` on `hub`.
    public typealias Client = @Sendable (_ bundle: HuntJSON, _ hub: String, _ collection: String,
                                         _ tokenFile: String, _ report: Bool) async throws -> Void

    /// The installed client; nil in builds without networking.
    nonisolated(unsafe) public static var client: Client?

    /// Uploads through the installed client.
    /// - Throws: `HubUploadUnavailable` when no client is installed.
    public static func upload(_ bundle: HuntJSON, hub: String, collection: String, tokenFile: String, report: Bool) async throws {
        guard let client else { throw HubUploadUnavailable(hub: hub) }
        try await client(bundle, hub, collection, tokenFile, report)
    }
}

/// `--hub` was given but this build has no hub client.
public struct HubUploadUnavailable: Error, Sendable, CustomStringConvertible {
    /// The hub URL asked for.
    public var hub: String
    /// Explains that uploading is not available in this build.
    public var description: String {
        "uploading sightings to \(hub) is not available in this build (no hub client installed); use --out FILE and upload it separately"
    }
}
