import Foundation
import KakehashiCore
import KakehashiStorage

/// The webhook event and e-mail that tell an operator about new findings on its equipment,
/// known-exploited ones first.
struct FindingNotice {
    let organisation: UUID
    let findings: [AdvisoryFinding]

    struct Payload: Encodable {
        struct Entry: Encodable {
            let item: String
            let vulnerability: String
            let status: String
            let severity: Double
            let knownExploited: Bool
            let requiredAction: String?
            let summary: String
        }

        let event = "advisory.findings"
        let organisation: String
        let findings: [Entry]
    }

    var planned: PlannedNotification {
        let payload = Payload(organisation: organisation.uuidString.lowercased(), findings: findings.map {
            .init(item: $0.itemID, vulnerability: $0.vulnerabilityID, status: $0.status.rawValue, severity: $0.severityScore,
                  knownExploited: $0.knownExploited, requiredAction: $0.requiredAction, summary: $0.summary)
        })
        let json = (try? JSONEncoder.hub(escapingSlashes: true).encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let exploited = findings.filter(\.knownExploited).count
        var subject = "[Kakehashi] 登録機器に影響する脆弱性 \(findings.count) 件 / \(findings.count) new vulnerability findings for your equipment"
        if exploited > 0 { subject += " (悪用確認 \(exploited) 件 / \(exploited) known exploited)" }
        var body = "登録機器に影響する、または影響する可能性のある脆弱性が見つかりました。\nNew vulnerability findings for your registered equipment:\n\n"
        for finding in findings.prefix(50) {
            body += "- \(finding.summary)\n"
            if let action = finding.requiredAction { body += "  required action / 必要な対応: \(action)\n" }
        }
        if findings.count > 50 { body += "… and \(findings.count - 50) more / ほか \(findings.count - 50) 件\n" }
        body += "\n/advisories で詳細を確認してください。 See /advisories for details.\n"
        return PlannedNotification(organisation: organisation, event: "advisory.findings", payload: json, emailSubject: subject, emailBody: body)
    }
}
