import Foundation
import Testing
@testable import KakehashiCore

@Suite("Equipment registry CSV")
struct EquipmentCSVTests {
    @Test func importsRegistryFixture() throws {
        let items = try EquipmentCSV.parse(try AdvisoryFixtures.data("equipment-registry.csv"))
        #expect(items.map(\.id) == ["PLC-001", "RTR-007", "HMI-12"])
        let plc = items[0]
        #expect(plc.vendor == "Siemens" && plc.version == "V2.9.4")
        #expect(plc.cpe?.product == .literal("simatic_s7-1500"))
        #expect(plc.designatedCriticalEquipment && !plc.criticalComputer)
        #expect(plc.supportEnd == CalendarDay(year: 2027, month: 9, day: 30))
        #expect(items[1].name == "Edge router, building A")
        #expect(items[1].domain == .it && items[1].criticalComputer)
        #expect(items[2].name == "Operator \"B\" HMI")
        #expect(items[2].modelNumbers == ["HMIST6500", "HMIST6400"])
        #expect(items[2].function == "line 1\nline 2 overview")
        #expect(items[2].supportEnd == nil && items[2].cpe == nil)
    }

    @Test func exportThenImportGivesTheSameItems() throws {
        let items = try EquipmentCSV.parse(try AdvisoryFixtures.data("equipment-registry.csv"))
        let written = EquipmentCSV.write(items)
        #expect(written.hasPrefix(EquipmentCSV.columns.joined(separator: ",") + "\r\n"))
        #expect(try EquipmentCSV.parse(written) == items)
    }

    @Test(arguments: [
        ("id,vendor,product\nA,V,P\nB,V\n", 3, "-", "2 fields"),
        ("id,vendor,product\nA,V,P\nA,V,Q\n", 3, "id", "already used on line 2"),
        ("id,vendor,product,cpe\nA,V,P,cpe:2.3:a:v\n", 2, "cpe", "11 attributes"),
        ("id,vendor,product,support_end\nA,V,P,2026-02-30\n", 2, "support_end", "YYYY-MM-DD"),
        ("id,vendor,product,domain\nA,V,P,SCADA\n", 2, "domain", "IT or OT"),
        ("id,vendor,product,critical_computer\nA,V,P,maybe\n", 2, "critical_computer", "true/false"),
        ("id,vendor\nA,V\n", 1, "product", "required column"),
        ("id,vendor,product,colour\nA,V,P,red\n", 1, "4", "unknown column"),
        ("id,vendor,product\nA,V,\"P\n", 2, "3", "not closed"),
        ("id,vendor,product\nA,V\"x\",P\n", 2, "2", "quote"),
        ("id,vendor,product\nA,,P\n", 2, "vendor", "required"),
    ])
    func importFailsWholeWithLineAndColumn(csv: String, line: Int, column: String, rule: String) {
        #expect {
            _ = try EquipmentCSV.parse(csv)
        } throws: { error in
            guard let error = error as? EquipmentCSVError else { return false }
            return error.line == line && error.column == column && error.rule.contains(rule)
        }
    }

    @Test func crlfAndBlankLinesAreAccepted() throws {
        let items = try EquipmentCSV.parse("\u{FEFF}id,vendor,product\r\nA,V,P\r\n\r\nB,W,Q\r\n")
        #expect(items.map(\.id) == ["A", "B"])
    }
}
