import Foundation

/// Another platform this hub exchanges STIX objects with: a Kakehashi hub or any TAXII 2.1 server.
///
/// A peer is data an administrator declares (`kakehashi peer add`, `/api/v1/peers`, `/admin/peers`). Its
/// credentials are never part of it: ``credential`` names a file or an environment variable that holds them.
public struct Peer: Sendable, Equatable, Identifiable {
    /// What runs at the other end.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Another Kakehashi hub: objects travel with their provenance chain, and its stream is followed.
        case kakehashi
        /// Any TAXII 2.1 server (medallion, a national CERT's feed, a vendor): plain TAXII, no chain.
        case taxii
    }

    /// Which way objects travel.
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case pull, push, both

        public var pulls: Bool { self != .push }
        public var pushes: Bool { self != .pull }
    }

    public var id: UUID
    /// A short name unique on the hub, e.g. `financial-isac`.
    public var name: String
    public var kind: Kind
    /// The peer's TAXII API root, e.g. `https://isac.example/taxii2/hub/`.
    public var apiRoot: String
    /// The id of the collection at the peer.
    public var remoteCollection: String
    public var credential: PeerCredential
    public var direction: Direction
    /// The local collection that pulled objects go into and pushed objects come from.
    public var localCollection: UUID
    /// The local organisation that stands for the peer: pulled objects are stored as shared by it, and a
    /// Kakehashi peer authenticates to this hub with one of its tokens (so the hub knows the caller is this
    /// peer, and applies the peer's rules rather than a member's).
    public var organisation: UUID
    /// The highest TLP that may go to the peer (and that the hub accepts from it).
    public var tlpCap: TLPLevel
    /// Whether the peer was declared to belong to this hub's community (needed for an AMBER cap).
    public var sameCommunity: Bool
    /// The TLP the peer applies to an object that has no TLP marking. An unmarked object crosses unchanged,
    /// so it goes only to a peer whose default is the local collection's or narrower.
    public var unmarkedDefault: TLPLevel
    /// Seconds between exchanges.
    public var intervalSeconds: Int
    public var paused: Bool
    public var createdAt: Date

    public init(id: UUID = UUID(), name: String, kind: Kind, apiRoot: String, remoteCollection: String, credential: PeerCredential = .none,
                direction: Direction, localCollection: UUID, organisation: UUID, tlpCap: TLPLevel = .green, sameCommunity: Bool = false,
                unmarkedDefault: TLPLevel = .amber, intervalSeconds: Int = 60, paused: Bool = false, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.kind = kind
        self.apiRoot = apiRoot
        self.remoteCollection = remoteCollection
        self.credential = credential
        self.direction = direction
        self.localCollection = localCollection
        self.organisation = organisation
        self.tlpCap = tlpCap
        self.sameCommunity = sameCommunity
        self.unmarkedDefault = unmarkedDefault
        self.intervalSeconds = intervalSeconds
        self.paused = paused
        self.createdAt = createdAt
    }

    /// The peer's collection's objects endpoint.
    public var objectsURL: String {
        (apiRoot.hasSuffix("/") ? apiRoot : apiRoot + "/") + "collections/\(remoteCollection)/objects/"
    }

    /// The peer hub's base URL (scheme, host, port and any prefix before `/taxii2/`), for a Kakehashi peer.
    public var hubBaseURL: String {
        let root = apiRoot.hasSuffix("/") ? String(apiRoot.dropLast()) : apiRoot
        if let range = root.range(of: "/taxii2", options: .backwards) { return String(root[..<range.lowerBound]) }
        return root
    }

    /// A Kakehashi peer's exchange endpoint for its collection, where versions travel with their chain.
    public var exchangeURL: String { hubBaseURL + "/api/v1/federation/collections/\(remoteCollection)/exchange" }

    /// Checks what a declaration must satisfy before it is stored.
    /// - Throws: ``PeerDeclarationError`` naming the field and what is wrong with it.
    public func validate() throws {
        guard let first = name.unicodeScalars.first, CharacterSet.alphanumerics.contains(first), name.count <= 64,
              name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw PeerDeclarationError(field: "name", "a peer's name is 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit")
        }
        guard let url = URL(string: apiRoot), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw PeerDeclarationError(field: "api_root", "the API root must be an http or https URL, e.g. https://isac.example/taxii2/hub/")
        }
        guard !remoteCollection.isEmpty, !remoteCollection.contains("/"), !remoteCollection.contains("?") else {
            throw PeerDeclarationError(field: "collection", "the peer's collection id must not be empty or contain '/' or '?'")
        }
        switch tlpCap {
        case .clear, .green: break
        case .amber:
            guard sameCommunity else {
                throw PeerDeclarationError(field: "tlp_cap", "TLP:AMBER may go only to a peer declared to belong to the same community (same_community)")
            }
        case .amberStrict:
            throw PeerDeclarationError(field: "tlp_cap", "TLP:AMBER+STRICT never leaves the organisation: a peer's cap is CLEAR, GREEN or AMBER")
        case .red:
            throw PeerDeclarationError(field: "tlp_cap", "TLP:RED never leaves the hub: a peer's cap is CLEAR, GREEN or AMBER")
        }
        guard (1...86_400).contains(intervalSeconds) else {
            throw PeerDeclarationError(field: "interval", "the interval is 1 to 86400 seconds")
        }
        try credential.validate()
    }
}

/// Where a peer's credentials are read from at each exchange. The secret itself is never stored or shown.
public enum PeerCredential: Sendable, Equatable {
    /// The peer needs none.
    case none
    /// A file whose content is the token (sent as a Bearer token), or `user:password` for HTTP Basic.
    case file(String)
    /// An environment variable of the hub's process holding the same.
    case environment(String)

    /// `none`, `file:/path` or `env:NAME`, as stored and shown.
    public var reference: String {
        switch self {
        case .none: "none"
        case .file(let path): "file:" + path
        case .environment(let name): "env:" + name
        }
    }

    /// Parses ``reference``.
    /// - Throws: ``PeerDeclarationError`` for anything else.
    public init(reference: String) throws {
        if reference == "none" || reference.isEmpty {
            self = .none
        } else if reference.hasPrefix("file:") {
            self = .file(String(reference.dropFirst(5)))
        } else if reference.hasPrefix("env:") {
            self = .environment(String(reference.dropFirst(4)))
        } else {
            throw PeerDeclarationError(field: "credential", "credentials are named as file:/path/to/file or env:VARIABLE (or none), never given inline")
        }
        try validate()
    }

    func validate() throws {
        switch self {
        case .none: break
        case .file(let path):
            guard path.hasPrefix("/") else { throw PeerDeclarationError(field: "credential", "the credential file must be an absolute path") }
        case .environment(let name):
            guard let first = name.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first),
                  name.unicodeScalars.allSatisfy({ ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "_" }) else {
                throw PeerDeclarationError(field: "credential", "an environment variable's name is ASCII letters, digits and '_', not starting with a digit")
            }
        }
    }
}

/// A peer declaration that cannot be stored; names the field.
public struct PeerDeclarationError: Error, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "\(field): \(message)" }
}
