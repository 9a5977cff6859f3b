import Foundation
import KakehashiCore
import KakehashiStorage

/// The dashboard's advisory part: open findings on the organisation's equipment (known-exploited
/// first), its equipment past or near vendor support end, and for a regulator the per-sector summary.
struct AdvisoryActivity {
    let values: [String: Any]

    static func load(for page: PageSession, hub: Hub, context: HubRequestContext, now: Date = Date()) async throws -> AdvisoryActivity {
        let organisation = page.principal.organisation
        let findings = try await hub.advisories.findings.list(organisation: organisation.id).filter { $0.disposition == nil }
        let items = try await hub.advisories.equipment.list(organisation: organisation.id)
        try await hub.audit.append(.by(context, action: "web.dashboard.advisories", objectType: "equipment-registry", objectID: organisation.id.uuidString.lowercased(),
                                       details: ["findings": String(findings.count), "items": String(items.count)]))
        var flagged: [[String: Any]] = []
        for item in items {
            let flag = SupportFlag(item.supportStatus(now: now), text: page.text)
            guard flag.cssClass == "ended" || flag.cssClass == "ending-soon" else { continue }
            flagged.append(["id": item.id, "name": item.name, "site": item.site, "supportEnd": item.supportEnd?.description ?? "",
                            "flag": flag.label, "flagClass": flag.cssClass,
                            "critical": item.designatedCriticalEquipment || item.criticalComputer])
        }
        var values: [String: Any] = [
            "hasRegistry": !items.isEmpty,
            "openFindings": findings.count,
            "exploitedFindings": findings.filter(\.finding.knownExploited).count,
            "topFindings": findings.prefix(5).map { stored -> [String: Any] in
                let finding = stored.finding
                return ["vulnerability": finding.vulnerabilityID, "title": finding.title, "item": finding.itemID, "itemName": finding.itemName,
                        "site": finding.site, "knownExploited": finding.knownExploited, "severity": finding.severity.rawValue,
                        "severityClass": finding.severity.rawValue.lowercased()]
            },
            "supportFlagged": flagged,
            "hasSupportFlagged": !flagged.isEmpty,
        ]
        if organisation.kind == .regulator {
            let summary = try await EquipmentController.supportEndSummary(for: page.principal, hub: hub, now: now)
            values["hasSectorSupport"] = !summary.rows.isEmpty
            values["sectorSupport"] = summary.rows.map { row -> [String: Any] in
                ["sector": page.language == "ja" ? row.sector.nameJa : row.sector.rawValue, "ended": row.ended, "endingSoon": row.endingSoon, "critical": row.critical]
            }
        }
        return AdvisoryActivity(values: values)
    }
}
