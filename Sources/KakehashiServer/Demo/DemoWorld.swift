import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

/// A realistic demo world: the transport ministry, the national cyber office, a transport ISAC,
/// operators in rail, aviation, airports, ports and logistics, and one user per role.
///
/// Organisations and users are created once; the demo users get fresh random passwords at every
/// `--demo` start, printed then, so no password lives in the repository or the logs.
public enum DemoWorld {
    struct OrganisationSeed {
        let nameJa: String, nameEn: String, kind: Organisation.Kind, sectors: [Sector], tier: Organisation.ISACTier?
    }

    struct UserSeed {
        let username: String, displayName: String, organisation: String, role: Role
    }

    static let organisations: [OrganisationSeed] = [
        .init(nameJa: "国土交通省", nameEn: "Ministry of Land, Infrastructure, Transport and Tourism", kind: .regulator, sectors: [.aviation, .airports, .railways, .logistics, .ports], tier: nil),
        .init(nameJa: "国家サイバー統括室", nameEn: "National Cybersecurity Office", kind: .nationalCenter, sectors: [], tier: nil),
        .init(nameJa: "交通ISAC", nameEn: "Transport ISAC", kind: .isac, sectors: [.aviation, .airports, .railways, .logistics, .ports], tier: nil),
        .init(nameJa: "さくら旅客鉄道", nameEn: "Sakura Passenger Railway", kind: .operator, sectors: [.railways], tier: .regular),
        .init(nameJa: "あおぞら航空", nameEn: "Aozora Airlines", kind: .operator, sectors: [.aviation], tier: .regular),
        .init(nameJa: "みなと国際空港", nameEn: "Minato International Airport", kind: .operator, sectors: [.airports], tier: .supporting),
        .init(nameJa: "中部港湾ターミナル", nameEn: "Chubu Port Terminal Operations", kind: .operator, sectors: [.ports], tier: .regular),
        .init(nameJa: "ひかり物流", nameEn: "Hikari Logistics", kind: .operator, sectors: [.logistics], tier: .observer),
    ]

    static let users: [UserSeed] = [
        .init(username: "rail-admin", displayName: "鉄道 管理者", organisation: "Sakura Passenger Railway", role: .admin),
        .init(username: "rail-analyst", displayName: "鉄道 分析担当", organisation: "Sakura Passenger Railway", role: .analyst),
        .init(username: "rail-reporter", displayName: "鉄道 報告担当", organisation: "Sakura Passenger Railway", role: .reporter),
        .init(username: "rail-viewer", displayName: "鉄道 閲覧者", organisation: "Sakura Passenger Railway", role: .viewer),
        .init(username: "port-analyst", displayName: "港湾 分析担当", organisation: "Chubu Port Terminal Operations", role: .analyst),
        .init(username: "air-analyst", displayName: "航空 分析担当", organisation: "Aozora Airlines", role: .analyst),
        .init(username: "mlit-officer", displayName: "国交省 担当官", organisation: "Ministry of Land, Infrastructure, Transport and Tourism", role: .analyst),
        .init(username: "nco-admin", displayName: "統括室 管理者", organisation: "National Cybersecurity Office", role: .admin),
        .init(username: "isac-analyst", displayName: "ISAC 分析担当", organisation: "Transport ISAC", role: .analyst),
    ]

    /// A demo user and the password it has until the next `--demo` start.
    public struct Credential: Sendable {
        public let username: String
        public let role: Role
        public let organisation: String
        public let password: String
    }

    /// Creates what is missing and gives every demo user a new random password.
    public static func seed(hub: Hub, logger: Logger) async throws -> [Credential] {
        var byName: [String: Organisation] = [:]
        for existing in try await hub.organisations.list() { byName[existing.nameEn] = existing }
        for seed in organisations where byName[seed.nameEn] == nil {
            let organisation = Organisation(nameJa: seed.nameJa, nameEn: seed.nameEn, kind: seed.kind, sectors: seed.sectors, isacTier: seed.tier)
            try await hub.organisations.create(organisation)
            byName[seed.nameEn] = organisation
            logger.info("demo organisation created", metadata: ["org.name": "\(seed.nameEn)"])
        }
        try await seedSharing(hub: hub, organisations: byName, logger: logger)
        try await seedAdvisories(hub: hub, organisations: byName, logger: logger)
        try await seedCampaigns(hub: hub, organisations: byName)
        var credentials: [Credential] = []
        for seed in users {
            guard let organisation = byName[seed.organisation] else { continue }
            let password = randomPassword()
            let hash = try await hub.passwords.hash(password)
            if let existing = try await hub.users.credentials(username: seed.username) {
                try await hub.users.setPasswordHash(userID: existing.user.id, hash)
            } else {
                let user = User(organisationID: organisation.id, username: seed.username, displayName: seed.displayName, role: seed.role)
                try await hub.users.create(user, passwordHash: hash)
            }
            credentials.append(Credential(username: seed.username, role: seed.role, organisation: seed.organisation, password: password))
        }
        try await seedReporting(hub: hub, logger: logger)
        try await hub.audit.append(AuditRecord(actorUser: "cli", action: "demo.seed", clientAddress: "local", details: ["users": String(credentials.count)]))
        return credentials
    }

    /// 16 characters from an alphabet without look-alikes.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
