import Foundation

/// Equipment past or near its vendor's support end, counted per sector for the sector's regulator.
public struct SupportEndSummary: Sendable, Hashable {
    /// One sector's counts.
    public struct Row: Sendable, Hashable, Codable {
        public var sector: Sector
        /// Operators in the sector with a registry.
        public var organisations: Int
        /// Items registered in the sector.
        public var items: Int
        /// Items whose support has ended.
        public var ended: Int
        /// Items whose support ends within the warning window.
        public var endingSoon: Int
        /// Of those ended or ending soon, items designated critical equipment or critical computers.
        public var critical: Int
    }

    /// Rows in sector order, only for sectors with at least one registered item.
    public var rows: [Row]

    /// Summarises `registries` (an organisation's sectors and its items) on the day `now` falls on.
    /// An organisation active in several sectors counts in each.
    public init(registries: [(sectors: [Sector], items: [Equipment])], now: Date, warningDays: Int = 180) {
        var bySector: [Sector: Row] = [:]
        for registry in registries where !registry.items.isEmpty {
            var ended = 0, soon = 0, critical = 0
            for item in registry.items {
                switch item.supportStatus(now: now, warningDays: warningDays) {
                case .ended:
                    ended += 1
                    if item.designatedCriticalEquipment || item.criticalComputer { critical += 1 }
                case .endingSoon:
                    soon += 1
                    if item.designatedCriticalEquipment || item.criticalComputer { critical += 1 }
                case .supported, .unknown:
                    break
                }
            }
            for sector in Set(registry.sectors) {
                var row = bySector[sector] ?? Row(sector: sector, organisations: 0, items: 0, ended: 0, endingSoon: 0, critical: 0)
                row.organisations += 1
                row.items += registry.items.count
                row.ended += ended
                row.endingSoon += soon
                row.critical += critical
                bySector[sector] = row
            }
        }
        rows = Sector.allCases.compactMap { bySector[$0] }
    }
}
