import Foundation
import KakehashiCore

/// Who may open campaigns, see their boards and report on them.
///
/// The national center and ISACs see every sector of a campaign; a regulator or an operator sees the
/// campaign's sectors it belongs to (an operator sees its sector's peers: the board is the sector's
/// shared picture, within the ISAC community); vendors see none. Operators report for themselves.
enum CampaignAccess {
    /// The sectors of `campaign` that `principal` may see on its board, or nil when it may not see it.
    static func visibleSectors(of campaign: Campaign, to principal: Principal) -> [Sector]? {
        switch principal.organisation.kind {
        case .nationalCenter, .isac:
            return campaign.sectors
        case .regulator, .operator:
            let shared = campaign.sectors.filter(principal.organisation.sectors.contains)
            return shared.isEmpty ? nil : shared
        case .vendor:
            return nil
        }
    }

    /// Whether `principal` may open and close campaigns: analysts and administrators of the national
    /// center or an ISAC.
    static func mayCoordinate(_ principal: Principal) -> Bool {
        [.nationalCenter, .isac].contains(principal.organisation.kind) && principal.allows(.write)
    }

    /// Whether `principal` may report its organisation's state in `campaign`.
    static func mayReport(in campaign: Campaign, _ principal: Principal) -> Bool {
        principal.organisation.kind == .operator && principal.allows(.report) && campaign.isOpen
            && campaign.sectors.contains(where: principal.organisation.sectors.contains)
    }
}
