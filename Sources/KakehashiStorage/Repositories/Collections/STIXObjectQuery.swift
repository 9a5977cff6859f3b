import Foundation
import KakehashiCore

/// Which versions of each object a query returns (TAXII `match[version]`).
public struct VersionSelection: Sendable, Equatable {
    public var all = false
    public var first = false
    public var last = false
    /// Exact versions, in microseconds.
    public var exact: [Int64] = []

    public init(all: Bool = false, first: Bool = false, last: Bool = false, exact: [Int64] = []) {
        self.all = all
        self.first = first
        self.last = last
        self.exact = exact
    }

    /// The TAXII default for object lists: the newest version of each object.
    public static let latest = VersionSelection(last: true)
    /// Every version.
    public static let every = VersionSelection(all: true)
}

/// A TAXII object query: the filters of `GET …/objects/`, `…/manifest/` and `…/versions/`.
public struct STIXObjectQuery: Sendable, Equatable {
    /// Only versions added strictly after this instant (microseconds).
    public var addedAfter: Int64?
    public var ids: [String]
    public var types: [String]
    public var versions: VersionSelection
    public var specVersions: [String]
    /// How many records one page holds.
    public var limit: Int

    public init(addedAfter: Int64? = nil, ids: [String] = [], types: [String] = [], versions: VersionSelection = .latest, specVersions: [String] = [], limit: Int = 1000) {
        self.addedAfter = addedAfter
        self.ids = ids
        self.types = types
        self.versions = versions
        self.specVersions = specVersions
        self.limit = limit
    }
}

/// Who is reading, for TLP:RED: the organisation and the STIX identity that stands for it.
public struct STIXViewer: Sendable, Equatable {
    public var organisationID: UUID
    public var identityID: String

    public init(organisation: Organisation) {
        self.organisationID = organisation.id
        self.identityID = organisation.stixIdentityID
    }
}

/// One stored version of a STIX object.
public struct StoredSTIXObject: Sendable, Equatable {
    public var objectID: String
    public var type: String
    /// `modified`, else `created`, in microseconds; 0 for unversioned objects (SCOs).
    public var version: Int64
    /// The version as the object wrote it, if it had one.
    public var versionText: String?
    public var specVersion: String
    /// When the hub added this version to the collection (microseconds, unique within the collection).
    public var dateAdded: Int64
    public var tlp: TLPLevel
    /// The object's JSON text as stored (absent when only the manifest was asked for).
    public var json: String?

    /// The version TAXII shows: the object's own, else its date added.
    public var taxiiVersion: String { versionText ?? MicrosTimestamp.format(dateAdded) }
}

/// One page of a query.
public struct STIXObjectPage: Sendable {
    public var objects: [StoredSTIXObject]
    /// Whether more records match after this page.
    public var more: Bool
}

/// What happened to each object of a posted batch.
public struct STIXAddOutcome: Sendable, Equatable {
    /// Stored now, or already stored with the same version (idempotent re-post).
    public var added: [(id: String, version: String)]
    public var duplicates: Int
    /// Date added of the first and last new version, if any.
    public var dateAddedRange: ClosedRange<Int64>?
    /// The versions stored now (not repeats): object id and version in microseconds.
    public var fresh: [(id: String, version: Int64)] = []

    public static func == (lhs: STIXAddOutcome, rhs: STIXAddOutcome) -> Bool {
        lhs.added.map(\.id) == rhs.added.map(\.id) && lhs.added.map(\.version) == rhs.added.map(\.version)
            && lhs.duplicates == rhs.duplicates && lhs.dateAddedRange == rhs.dateAddedRange
    }
}

/// One page of a query as the JSON texts a TAXII envelope lists, already joined: what the object
/// list sends, without one value per row and column on the way.
public struct STIXObjectTextPage: Sendable, Equatable {
    /// How many versions the page holds.
    public var count: Int
    /// Date added of the page's first and last version (`nil` when the page is empty).
    public var firstAdded: Int64?
    public var lastAdded: Int64?
    /// Whether more records match after this page.
    public var more: Bool
    /// The versions' stored JSON texts, oldest date added first, joined with `,`; empty when `count` is 0.
    public var joinedJSON: String

    public init(count: Int, firstAdded: Int64?, lastAdded: Int64?, more: Bool, joinedJSON: String) {
        self.count = count
        self.firstAdded = firstAdded
        self.lastAdded = lastAdded
        self.more = more
        self.joinedJSON = joinedJSON
    }
}
