import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

extension DemoWorld {
    /// The demo's second hub: the Financial ISAC running its own Kakehashi, with its own SQLite file, on the
    /// next port. Both hubs share a cross-sector collection and are declared to each other as peers (both
    /// directions, GREEN cap), so a newcomer sees objects cross both ways and the peer pages fill.
    public struct PeerHubPlan: Sendable {
        /// The main hub's base URL, e.g. `http://127.0.0.1:8080`.
        public var mainURL: String
        /// The second hub's base URL.
        public var peerURL: String
        /// Where the peer tokens are written (mode 0600); never the repository.
        public var credentialFolder: String

        public init(mainURL: String, peerURL: String, credentialFolder: String) {
            self.mainURL = mainURL
            self.peerURL = peerURL
            self.credentialFolder = credentialFolder
        }
    }

    static let crossSectorAlias = "cross-sector"

    /// Seeds the Financial ISAC hub (once), the cross-sector collections on both hubs, the organisations that
    /// stand for each hub at the other, and the peer declarations. The peer tokens are issued anew at every
    /// start (the previous ones revoked) and written to files the declarations name.
    public static func seedFederation(main: Hub, peer: Hub, plan: PeerHubPlan, logger: Logger) async throws {
        let mainSide = try await federationSide(of: main, standIn: ("金融ISAC (連携先ハブ)", "Financial ISAC hub (peer)"),
                                                title: "分野横断共有 Cross-sector sharing (Financial ISAC)")
        let financial = try await financialWorld(peer)
        let peerSide = try await federationSide(of: peer, standIn: ("交通ISAC (連携先ハブ)", "Transport ISAC hub (peer)"),
                                                title: "分野横断共有 Cross-sector sharing (Transport ISAC)")
        try FileManager.default.createDirectory(atPath: plan.credentialFolder, withIntermediateDirectories: true)
        let mainToken = try await issuePeerToken(on: main, for: mainSide.standIn, username: "financial-isac-hub")
        let peerToken = try await issuePeerToken(on: peer, for: peerSide.standIn, username: "transport-isac-hub")
        let mainCredential = try writeCredential(peerToken, to: plan.credentialFolder + "/demo-peer-financial-isac.token")
        let peerCredential = try writeCredential(mainToken, to: plan.credentialFolder + "/demo-peer-transport-isac.token")
        try await declare(on: main, name: "financial-isac", url: plan.peerURL, remote: peerSide.collection, local: mainSide.collection,
                          standIn: mainSide.standIn, credential: mainCredential)
        try await declare(on: peer, name: "transport-isac", url: plan.mainURL, remote: mainSide.collection, local: peerSide.collection,
                          standIn: peerSide.standIn, credential: peerCredential)
        try await seedFinancialIndicators(peer, collection: peerSide.collection, producer: financial.first)
        logger.info("demo federation ready", metadata: ["peer.url": "\(plan.peerURL)"])
    }

    /// The cross-sector collection of one hub and the organisation that stands for the other hub there.
    private static func federationSide(of hub: Hub, standIn names: (ja: String, en: String), title: String) async throws
        -> (collection: SharingCollection, standIn: Organisation) {
        let standIn: Organisation
        if let existing = try await hub.organisations.list().first(where: { $0.nameEn == names.en }) {
            standIn = existing
        } else {
            standIn = Organisation(nameJa: names.ja, nameEn: names.en, kind: .isac, sectors: [])
            try await hub.organisations.create(standIn)
        }
        if let existing = try await hub.collections.list().first(where: { $0.alias == crossSectorAlias }) { return (existing, standIn) }
        let everyone = Set(try await hub.organisations.list().map(\.id))
        let government = Set(try await hub.organisations.list().filter { [.regulator, .nationalCenter, .isac].contains($0.kind) }.map(\.id))
        let collection = SharingCollection(title: title, description: "Shared with the other sector's ISAC hub through federation (TLP:GREEN and below)",
                                           alias: crossSectorAlias, defaultTLP: .green, readers: everyone, writers: government)
        try await hub.collections.create(collection)
        return (collection, standIn)
    }

    /// The Financial ISAC hub's own members (once): the ISAC and two banks.
    private static func financialWorld(_ hub: Hub) async throws -> [Organisation] {
        let seeds: [(String, String, Organisation.Kind, [Sector])] = [
            ("金融ISAC", "Financial ISAC", .isac, [.finance, .creditCards]),
            ("さくら銀行", "Sakura Bank", .operator, [.finance]),
            ("みなと信用金庫", "Minato Shinkin Bank", .operator, [.finance]),
        ]
        var made: [Organisation] = []
        let existing = try await hub.organisations.list()
        for (ja, en, kind, sectors) in seeds {
            if let found = existing.first(where: { $0.nameEn == en }) {
                made.append(found)
            } else {
                let organisation = Organisation(nameJa: ja, nameEn: en, kind: kind, sectors: sectors)
                try await hub.organisations.create(organisation)
                made.append(organisation)
            }
        }
        return made
    }

    private static func issuePeerToken(on hub: Hub, for organisation: Organisation, username: String) async throws -> String {
        let user: User
        if let existing = try await hub.users.credentials(username: username) {
            user = existing.user
        } else {
            user = User(organisationID: organisation.id, username: username, displayName: organisation.nameJa, role: .analyst)
            // A machine account: no one signs in with it, so its password is random and never shown.
            try await hub.users.create(user, passwordHash: try await hub.passwords.hash(randomPassword()))
        }
        for token in try await hub.tokens.list(userID: user.id) where token.revokedAt == nil {
            try await hub.tokens.revoke(id: token.id)
        }
        let (_, secret) = try await hub.tokens.create(userID: user.id, name: "demo federation", scopes: [.read, .write], expiresAt: Date().addingTimeInterval(30 * 86_400))
        return secret.value
    }

    private static func writeCredential(_ secret: String, to path: String) throws -> PeerCredential {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        FileManager.default.createFile(atPath: absolute, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
        return .file(absolute)
    }

    private static func declare(on hub: Hub, name: String, url: String, remote: SharingCollection, local: SharingCollection, standIn: Organisation,
                                credential: PeerCredential) async throws {
        if let existing = try await hub.peers.find(name: name) { try await hub.peers.remove(id: existing.id) }
        let peer = Peer(name: name, kind: .kakehashi, apiRoot: url + "/taxii2/hub/", remoteCollection: remote.id.uuidString.lowercased(),
                        credential: credential, direction: .both, localCollection: local.id, organisation: standIn.id, tlpCap: .green,
                        unmarkedDefault: .green, intervalSeconds: 15)
        try await hub.peers.create(peer, audit: AuditRecord(actorUser: "cli", action: "peer.add", objectType: "peer", objectID: peer.id.uuidString.lowercased(),
                                                            clientAddress: "local", details: ["name": name]))
    }

    /// Indicators the Financial ISAC shares (once): phishing aimed at bank and railway customers alike.
    private static func seedFinancialIndicators(_ hub: Hub, collection: SharingCollection, producer: Organisation?) async throws {
        guard let producer, try await hub.objects.count(in: collection.id) == 0 else { return }
        let samples: [(String, String, TLPLevel?)] = [
            ("[domain-name:value = 'sakura-bank-login.example']", "偽ログインページ (ネットバンキング) / fake online-banking log-in page", .clear),
            ("[domain-name:value = 'ic-card-charge.example']", "交通系ICカードのチャージを装うフィッシング / phishing posing as transit IC card top-up", .green),
            ("[url:value = 'https://ic-card-charge.example/pay']", "同上の決済ページ / its payment page", .green),
            ("[ipv4-addr:value = '203.0.113.77']", "金融・交通両分野へのDDoS指令サーバ / DDoS C2 aimed at both sectors", nil),
            ("[ipv4-addr:value = '198.51.100.23']", "銀行内部調査中 (ISAC内限定) / under investigation inside the ISAC", .amber),
        ]
        var objects: [STIXObject] = []
        for (index, sample) in samples.enumerated() {
            var members: [String: JSONValue] = [
                "type": "indicator", "spec_version": "2.1", "id": .string("indicator--\(UUID().uuidString.lowercased())"),
                "created": .string("2026-11-28T0\(index):00:00.000Z"), "modified": .string("2026-11-28T0\(index):00:00.000Z"),
                "name": .string(sample.1), "indicator_types": ["malicious-activity"], "pattern_type": "stix",
                "pattern": .string(sample.0), "valid_from": "2026-11-28T00:00:00Z",
            ]
            if let level = sample.2 { members["object_marking_refs"] = [.string(level.markingDefinitionID)] }
            objects.append(try STIXValidator.forHub.object(from: .object(members)))
        }
        _ = try await hub.objects.add(objects, to: collection, producer: producer.id,
                                      audit: AuditRecord(actorUser: "cli", action: "demo.share", objectType: "collection", objectID: collection.id.uuidString.lowercased(), clientAddress: "local"))
    }
}
