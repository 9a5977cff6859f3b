import Foundation
import KakehashiCore

extension ReportFormReader {
    mutating func readReporter(into report: inout IncidentReport) {
        report.reporter.designations = form.all("designations").filter(ReportFormFields.designations.contains)
        let sectors = Set(Sector.allCases.map(\.regimeSectorName))
        report.reporter.sectors = form.all("sectors").filter(sectors.contains)
        report.contacts = rows("contact_", columns: ["name", "role", "email", "phone"]).compactMap { index in
            let email = text("contact_email_\(index)")
            if let email, !email.contains("@") || email.contains(" ") { fail("contact_email_\(index)", "invalid_email") }
            guard let name = text("contact_name_\(index)") else { fail("contact_name_\(index)", "contact_name_required"); return nil }
            return IncidentContact(name: name, role: text("contact_role_\(index)"), email: email, phone: text("contact_phone_\(index)"),
                                   available24x7: isOn("contact_24x7_\(index)"))
        }
    }

    mutating func readHappened(into report: inout IncidentReport) {
        let zone = text("time_zone") ?? report.times.timeZone
        do {
            report.times = try IncidentTimes(occurred: instant("occurred", zone: zone), detected: instant("detected", zone: zone),
                                             becameAware: instant("became_aware", zone: zone), resolved: instant("resolved", zone: zone), timeZone: zone)
        } catch {
            fail("time_zone", "invalid_time_zone")
        }
        if let category = IncidentCategory(rawValue: form["category"] ?? "") { report.category = category } else { fail("category", "invalid_choice") }
        if let status = IncidentStatus(rawValue: form["status"] ?? "") { report.status = status } else { fail("status", "invalid_choice") }
        if let vector = text("entry_vector") {
            if let parsed = EntryVector(rawValue: vector) { report.entryVector = parsed } else { fail("entry_vector", "invalid_choice") }
        } else {
            report.entryVector = nil
        }
        report.attackTechniques = list("attack_techniques").compactMap { id in
            guard let technique = try? AttackTechniqueID(id) else { fail("attack_techniques", "invalid_technique"); return nil }
            return technique
        }
        report.narrative = IncidentNarrative(ja: text("narrative_ja"), en: text("narrative_en"), shareable: isOn("narrative_shareable"))
    }

    mutating func readImpact(into report: inout IncidentReport) {
        report.serviceImpact = rows("service_", columns: ["name", "users", "area", "duration"]).compactMap { index in
            let state = ServiceState(rawValue: form["service_state_\(index)"] ?? "")
            if state == nil { fail("service_state_\(index)", "invalid_choice") }
            let users = integer("service_users_\(index)"), duration = integer("service_duration_\(index)")
            guard let name = text("service_name_\(index)") else { fail("service_name_\(index)", "service_name_required"); return nil }
            return ServiceImpact(service: name, state: state ?? .normal, usersAffected: users, area: text("service_area_\(index)"), durationMinutes: duration)
        }
        report.affectedSystems = rows("system_", columns: ["name", "kind"]).compactMap { index in
            guard let name = text("system_name_\(index)") else { fail("system_name_\(index)", "system_name_required"); return nil }
            return AffectedSystem(name: name, kind: text("system_kind_\(index)"), isCriticalEquipment: isOn("system_equipment_\(index)"),
                                  isCriticalComputer: isOn("system_computer_\(index)"))
        }
        report.actionsTaken = list("actions_taken", separators: .newlines)
        report.alreadyNotified = list("already_notified")
    }

    mutating func readDetails(into report: inout IncidentReport) {
        report.indicators = rows("indicator_", columns: ["value"]).compactMap { index in
            guard let type = IncidentIndicatorType(rawValue: form["indicator_type_\(index)"] ?? "") else { fail("indicator_type_\(index)", "invalid_choice"); return nil }
            do {
                return try IncidentIndicator(type: type, value: text("indicator_value_\(index)") ?? "", shareable: isOn("indicator_shareable_\(index)"))
            } catch {
                fail("indicator_value_\(index)", "invalid_value")
                return nil
            }
        }
        report.exploitedCVEs = list("cves").compactMap { id in
            guard let cve = try? CVEID(id) else { fail("cves", "invalid_cve"); return nil }
            return cve
        }
        let amount = text("ransom_amount")
        if let amount, !RansomDetails.isValidAmount(amount) { fail("ransom_amount", "invalid_amount") }
        let paidAt = instant("ransom_paid_at", zone: report.times.timeZone)
        let ransom = RansomDetails(demanded: isOn("ransom_demanded"), paid: isOn("ransom_paid"), amount: amount, currency: text("ransom_currency"), paidAt: paidAt)
        report.ransom = ransom.demanded || ransom.paid || amount != nil || ransom.currency != nil || paidAt != nil ? ransom : nil
        let ddos = DDoSDetails(peakBitsPerSecond: decimal("ddos_bps"), peakPacketsPerSecond: decimal("ddos_pps"), vectors: list("ddos_vectors"), mitigation: text("ddos_mitigation"))
        report.ddos = ddos == DDoSDetails() ? nil : ddos
    }

    mutating func readSharing(into report: inout IncidentReport) {
        guard let tlp = TLPLevel(rawValue: form["tlp"] ?? "") else { fail("tlp", "invalid_choice"); return }
        report.sharing.tlp = tlp
        report.sharing.shareWithISAC = isOn("share_isac")
        report.sharing.shareWithNationalCenter = isOn("share_national")
        report.sharing.anonymise = isOn("anonymise")
    }
}
