import Foundation

/// One data row of the registry CSV, read by column name.
struct EquipmentCSVRow {
    let names: [String]
    let fields: [CSVTable.Field]

    private func field(_ name: String) -> CSVTable.Field? {
        names.firstIndex(of: name).map { fields[$0] }
    }

    private func text(_ name: String) -> String {
        field(name)?.value.trimmingCharacters(in: .whitespaces) ?? ""
    }

    private func fail(_ name: String, _ rule: String) -> EquipmentCSVError {
        EquipmentCSVError(line: field(name)?.line ?? fields.first?.line ?? 0, column: name, rule: rule)
    }

    private func flag(_ name: String) throws(EquipmentCSVError) -> Bool {
        switch text(name).lowercased() {
        case "", "false", "no", "0": return false
        case "true", "yes", "1": return true
        case let other: throw fail(name, "\"\(other)\" is not true/false, yes/no or 1/0")
        }
    }

    func equipment() throws(EquipmentCSVError) -> Equipment {
        for required in ["id", "vendor", "product"] where text(required).isEmpty {
            throw fail(required, "is empty; \(required) is required")
        }
        var cpe: CPEName?
        if !text("cpe").isEmpty {
            do {
                cpe = try CPEName(text("cpe"))
            } catch {
                throw fail("cpe", error.description)
            }
        }
        let domainText = text("domain").uppercased()
        let domain: Equipment.Domain
        switch domainText {
        case "", "OT": domain = .ot
        case "IT": domain = .it
        default: throw fail("domain", "\"\(text("domain"))\" is not IT or OT")
        }
        var supportEnd: CalendarDay?
        if !text("support_end").isEmpty {
            guard let day = CalendarDay(text("support_end")) else {
                throw fail("support_end", "\"\(text("support_end"))\" is not a date of the form YYYY-MM-DD")
            }
            supportEnd = day
        }
        let version = text("version")
        return Equipment(
            id: text("id"), name: text("name"), vendor: text("vendor"), product: text("product"),
            version: version.isEmpty ? nil : version,
            modelNumbers: text("model_numbers").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty },
            cpe: cpe, site: text("site"), function: text("function"), domain: domain,
            designatedCriticalEquipment: try flag("designated_critical_equipment"),
            criticalComputer: try flag("critical_computer"), supportEnd: supportEnd)
    }
}
