import Foundation
import KakehashiCore

/// The TAXII 2.1 resources the hub answers with (§4.1, §4.2, §5.1, §5.2, §5.6, §5.7), as typed values;
/// absent optional properties are left out, as the specification asks.
enum TAXIIResources {
    /// The discovery resource (§4.1.1).
    struct Discovery: Encodable, Sendable {
        let title: String
        let description: String
        let `default`: String
        let apiRoots: [String]

        enum CodingKeys: String, CodingKey {
            case title, description, `default`
            case apiRoots = "api_roots"
        }
    }

    /// The API root resource (§4.2.1).
    struct APIRoot: Encodable, Sendable {
        let title: String
        let description: String
        let versions: [String]
        let maxContentLength: Int

        enum CodingKeys: String, CodingKey {
            case title, description, versions
            case maxContentLength = "max_content_length"
        }
    }

    /// A collection resource (§5.2.1).
    struct Collection: Encodable, Sendable {
        let id: String
        let title: String
        let description: String?
        let alias: String?
        let canRead: Bool
        let canWrite: Bool
        let mediaTypes: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, description, alias
            case canRead = "can_read"
            case canWrite = "can_write"
            case mediaTypes = "media_types"
        }
    }

    /// The collections resource (§5.1.1): an empty object when the reader sees none.
    struct Collections: Encodable, Sendable {
        let collections: [Collection]?
    }

    /// One manifest record (§5.3.1).
    struct ManifestRecord: Encodable, Sendable {
        let id: String
        let dateAdded: String
        let version: String
        let mediaType: String

        enum CodingKeys: String, CodingKey {
            case id, version
            case dateAdded = "date_added"
            case mediaType = "media_type"
        }
    }

    /// The manifest resource (§5.3.1).
    struct Manifest: Encodable, Sendable {
        let more: Bool
        let next: String?
        let objects: [ManifestRecord]
    }

    /// The versions resource (§5.7.1).
    struct Versions: Encodable, Sendable {
        let more: Bool
        let next: String?
        let versions: [String]
    }

    /// The error message resource (§3.6.1); `http_status` is a string, as the specification's examples write it.
    struct ErrorMessage: Encodable, Sendable {
        let title: String
        let description: String?
        let httpStatus: String

        enum CodingKeys: String, CodingKey {
            case title, description
            case httpStatus = "http_status"
        }
    }
}
