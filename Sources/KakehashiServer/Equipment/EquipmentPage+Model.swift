/// `/equipment`: an operator's critical-equipment registry with support-end flags and the CSV import;
/// for a regulator's own page, the operators it regulates and a per-sector summary.
enum EquipmentPage {
    struct Model: PageModel {
        struct Item: Encodable, Sendable, Equatable {
            let id: String
            let name: String
            let product: String
            let models: String
            let cpe: String
            let site: String
            let function: String
            let domain: String
            let designated: Bool
            let criticalComputer: Bool
            let supportEnd: String
            let flag: String
            let flagClass: String
        }

        /// An operator the viewer regulates, linked to its registry.
        struct Regulated: Encodable, Sendable, Equatable {
            let id: String
            let name: String
        }

        /// A sector's support-end figures.
        struct Sector: Encodable, Sendable, Equatable {
            let sector: String
            let organisations: Int
            let items: Int
            let ended: Int
            let endingSoon: Int
            let critical: Int
        }

        let frame: PageFrame
        /// Why a pasted CSV was refused, and the CSV to correct.
        var csvError: String?
        var csv: String?
        /// What an import did.
        var notice: String?
        let organisation: String
        let organisationID: String
        let owner: Bool
        let items: [Item]
        let count: Int
        let ended: Int
        let endingSoon: Int
        /// Set on the viewer's own registry.
        var hasRegulated: Bool?
        var regulated: [Regulated]?
        /// Set when the viewer regulates operators.
        var hasSectors: Bool?
        var sectors: [Sector]?
    }

    /// What an import brings back to the page.
    struct Outcome: Sendable {
        var csvError: String?
        var csv: String?
        var notice: String?
    }
}
