import Foundation

/// Import and export of the equipment registry as CSV (RFC 4180, one header row, UTF-8).
///
/// Columns (any order; `id`, `vendor` and `product` are required): `id`, `name`, `vendor`, `product`,
/// `version`, `model_numbers` (separated by `;`), `cpe` (CPE 2.3 formatted string), `site`, `function`,
/// `domain` (`IT` or `OT`), `designated_critical_equipment`, `critical_computer` (`true`/`false`,
/// `yes`/`no`, `1`/`0`, empty is false), `support_end` (`YYYY-MM-DD`).
/// An import either yields every row or throws the first problem found.
public enum EquipmentCSV {
    /// The column names in export order.
    public static let columns = [
        "id", "name", "vendor", "product", "version", "model_numbers", "cpe", "site", "function", "domain",
        "designated_critical_equipment", "critical_computer", "support_end",
    ]

    /// Parses CSV bytes (UTF-8, optional BOM).
    public static func parse(_ data: Data) throws(EquipmentCSVError) -> [Equipment] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw EquipmentCSVError(line: 1, column: "-", rule: "the file is not valid UTF-8")
        }
        return try parse(text)
    }

    /// Parses CSV text.
    public static func parse(_ text: String) throws(EquipmentCSVError) -> [Equipment] {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw EquipmentCSVError(line: error.line, column: String(error.column), rule: error.rule)
        }
        guard let header = table.records.first else {
            throw EquipmentCSVError(line: 1, column: "-", rule: "the file is empty; a header row is required")
        }
        let names = header.map { $0.value.trimmingCharacters(in: .whitespaces).lowercased() }
        for (index, name) in names.enumerated() {
            guard columns.contains(name) else {
                throw EquipmentCSVError(line: 1, column: String(index + 1), rule: "unknown column \"\(name)\"; expected some of \(columns.joined(separator: ", "))")
            }
            guard names.firstIndex(of: name) == index else {
                throw EquipmentCSVError(line: 1, column: name, rule: "column appears twice in the header")
            }
        }
        for required in ["id", "vendor", "product"] where !names.contains(required) {
            throw EquipmentCSVError(line: 1, column: required, rule: "required column is missing from the header")
        }
        var items: [Equipment] = []
        var seen: [String: Int] = [:]
        for record in table.records.dropFirst() {
            if record.count == 1, record[0].value.isEmpty { continue }  // blank line
            let line = record.first?.line ?? 0
            guard record.count == names.count else {
                throw EquipmentCSVError(line: line, column: "-", rule: "has \(record.count) fields, the header has \(names.count)")
            }
            let row = EquipmentCSVRow(names: names, fields: record)
            let item = try row.equipment()
            if let first = seen[item.id] {
                throw EquipmentCSVError(line: line, column: "id", rule: "id \"\(item.id)\" is already used on line \(first)")
            }
            seen[item.id] = line
            items.append(item)
        }
        return items
    }

    /// Writes items as CSV text with a header row and CRLF line ends.
    public static func write(_ items: [Equipment]) -> String {
        var lines = [columns.joined(separator: ",")]
        for item in items {
            let fields = [
                item.id, item.name, item.vendor, item.product, item.version ?? "",
                item.modelNumbers.joined(separator: ";"), item.cpe?.formatted ?? "", item.site, item.function,
                item.domain.rawValue, item.designatedCriticalEquipment ? "true" : "false",
                item.criticalComputer ? "true" : "false", item.supportEnd?.description ?? "",
            ]
            lines.append(fields.map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
