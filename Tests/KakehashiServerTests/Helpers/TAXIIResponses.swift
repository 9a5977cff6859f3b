import Foundation
import HTTPTypes
import KakehashiCore

/// A TAXII response read whole: status, headers, and the body to decode.
struct TAXIIReply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let data: Data

    /// Decodes the body as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try KakehashiServerTests.decode(type, from: data)
    }

    /// The body's top-level member names; TAXII answers "nothing" with an empty object, `{}`.
    func memberNames() throws -> Set<String> {
        Set(try decode([String: Opaque].self).keys)
    }
}

/// A TAXII envelope (objects, or a `more`/`next` page of them).
struct TAXIIEnvelope: Decodable {
    let more: Bool?
    let next: String?
    let objects: [JSONValue]?

    /// The objects' ids, in order.
    var ids: [String] { (objects ?? []).compactMap { $0["id"]?.stringValue } }
}

/// A TAXII status resource.
struct TAXIIStatusResource: Decodable {
    struct Failure: Decodable {
        let id: String?
        let message: String?
    }

    let id: String
    let status: String
    let totalCount: Int
    let successCount: Int
    let failureCount: Int
    let failures: [Failure]?

    enum CodingKeys: String, CodingKey {
        case id, status, failures
        case totalCount = "total_count"
        case successCount = "success_count"
        case failureCount = "failure_count"
    }
}

/// A TAXII manifest.
struct TAXIIManifest: Decodable {
    struct Entry: Decodable {
        let id: String
        let dateAdded: String
        let mediaType: String?

        enum CodingKeys: String, CodingKey {
            case id
            case dateAdded = "date_added"
            case mediaType = "media_type"
        }
    }

    let objects: [Entry]?
}

/// The versions of one object.
struct TAXIIVersions: Decodable {
    let versions: [String]?
}

/// The discovery resource.
struct TAXIIDiscovery: Decodable {
    let apiRoots: [String]?

    enum CodingKeys: String, CodingKey {
        case apiRoots = "api_roots"
    }
}

/// An API root resource.
struct TAXIIAPIRoot: Decodable {
    let versions: [String]
    let maxContentLength: Int

    enum CodingKeys: String, CodingKey {
        case versions
        case maxContentLength = "max_content_length"
    }
}

/// The collections resource.
struct TAXIICollections: Decodable {
    struct Collection: Decodable {
        let canRead: Bool
        let canWrite: Bool
        let mediaTypes: [String]?

        enum CodingKeys: String, CodingKey {
            case canRead = "can_read"
            case canWrite = "can_write"
            case mediaTypes = "media_types"
        }
    }

    let collections: [Collection]?
}

/// A TAXII error message.
struct TAXIIErrorMessage: Decodable {
    let title: String
    let httpStatus: String?

    enum CodingKeys: String, CodingKey {
        case title
        case httpStatus = "http_status"
    }
}
