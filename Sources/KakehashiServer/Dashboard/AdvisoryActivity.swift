import Foundation
import KakehashiCore
import KakehashiStorage

/// The dashboard's advisory part: open findings on the organisation's equipment (known-exploited
/// first), its equipment past or near vendor support end, and for a regulator the per-sector summary.
struct AdvisoryActivity: Encodable, Sendable {
    /// An equipment item past or near its support end.
    struct FlaggedItem: Encodable, Sendable, Equatable {
        let id: String
        let name: String
        let site: String
        let supportEnd: String
        let flag: String
        let flagClass: String
        let critical: Bool
    }

    /// One of the few open findings the dashboard lists.
    struct Finding: Encodable, Sendable, Equatable {
        let vulnerability: String
        let title: String
        let item: String
        let itemName: String
        let site: String
        let knownExploited: Bool
        let severity: String
        let severityClass: String
    }

    /// A sector's support-end figures, for a regulator.
    struct SectorSupport: Encodable, Sendable, Equatable {
        let sector: String
        let ended: Int
        let endingSoon: Int
        let critical: Int
    }

    let hasRegistry: Bool
    let openFindings: Int
    let exploitedFindings: Int
    let topFindings: [Finding]
    let supportFlagged: [FlaggedItem]
    let hasSupportFlagged: Bool
    /// Set for a regulator only.
    var hasSectorSupport: Bool?
    var sectorSupport: [SectorSupport]?

    static func load(for page: PageSession, hub: Hub, context: HubRequestContext, now: Date = Date()) async throws -> AdvisoryActivity {
        let organisation = page.principal.organisation
        let findings = try await hub.advisories.findings.list(organisation: organisation.id).filter { $0.disposition == nil }
        let items = try await hub.advisories.equipment.list(organisation: organisation.id)
        try await hub.audit.append(.by(context, action: "web.dashboard.advisories", objectType: "equipment-registry", objectID: organisation.id.uuidString.lowercased(),
                                       details: ["findings": String(findings.count), "items": String(items.count)]))
        var flagged: [FlaggedItem] = []
        for item in items {
            let flag = SupportFlag(item.supportStatus(now: now), text: page.text)
            guard flag.cssClass == "ended" || flag.cssClass == "ending-soon" else { continue }
            flagged.append(FlaggedItem(id: item.id, name: item.name, site: item.site, supportEnd: item.supportEnd?.description ?? "",
                                       flag: flag.label, flagClass: flag.cssClass,
                                       critical: item.designatedCriticalEquipment || item.criticalComputer))
        }
        var activity = AdvisoryActivity(
            hasRegistry: !items.isEmpty,
            openFindings: findings.count,
            exploitedFindings: findings.filter(\.finding.knownExploited).count,
            topFindings: findings.prefix(5).map { stored in
                let finding = stored.finding
                return Finding(vulnerability: finding.vulnerabilityID, title: finding.title, item: finding.itemID, itemName: finding.itemName,
                               site: finding.site, knownExploited: finding.knownExploited, severity: finding.severity.rawValue,
                               severityClass: finding.severity.rawValue.lowercased())
            },
            supportFlagged: flagged,
            hasSupportFlagged: !flagged.isEmpty)
        if organisation.kind == .regulator {
            let summary = try await EquipmentController.supportEndSummary(for: page.principal, hub: hub, now: now)
            activity.hasSectorSupport = !summary.rows.isEmpty
            activity.sectorSupport = summary.rows.map { row in
                SectorSupport(sector: page.language == "ja" ? row.sector.nameJa : row.sector.rawValue, ended: row.ended, endingSoon: row.endingSoon, critical: row.critical)
            }
        }
        return activity
    }
}
