import Foundation

extension ShareableReport {
    /// The STIX id of an object of `type` derived from this incident and `name`; the same inputs always
    /// give the same id, so re-publishing a version yields the same objects.
    public func stixID(_ type: String, _ name: String) -> String {
        "\(type)--" + NameBasedUUID.v5String(name: "\(incidentID)/\(type)/\(name)")
    }

    /// The id of the shared `report` object.
    public var stixReportID: String { stixID("report", "report") }

    /// A STIX 2.1 bundle of the shared view: one `indicator` per shared indicator, `attack-pattern` and
    /// `vulnerability` objects for techniques and CVEs, an anonymised `report` (English, with a Japanese
    /// `language-content`) referring to them, every object marked with its TLP 2.0 label, and the TLP marking definitions used.
    /// Ids are name-based UUIDs from the incident id; the same version always gives the same bytes.
    public func stixBundle() -> JSONValue {
        let created = Self.timestamp(firstSubmitted)
        let modified = Self.timestamp(published)
        var referenced: [JSONValue] = []

        for technique in attackTechniques {
            let path = technique.rawValue.replacingOccurrences(of: ".", with: "/")
            referenced.append(object("attack-pattern", name: technique.rawValue, created: created, marking: label(.techniques), [
                "name": .string(technique.rawValue),
                "external_references": [["source_name": "mitre-attack", "external_id": .string(technique.rawValue), "url": .string("https://attack.mitre.org/techniques/\(path)/")]],
            ]))
        }
        for cve in exploitedCVEs {
            referenced.append(object("vulnerability", name: cve.rawValue, created: created, marking: label(.techniques), [
                "name": .string(cve.rawValue),
                "external_references": [["source_name": "cve", "external_id": .string(cve.rawValue)]],
            ]))
        }
        for indicator in indicators {
            let seen = Self.timestamp(indicatorFirstSeen[indicator] ?? published)
            referenced.append(object("indicator", name: "\(indicator.type.rawValue)/\(indicator.value)", created: seen, marking: label(.indicators), [
                "name": .string(indicator.value),
                "description": .string("\(indicator.type.rawValue) observed in: \(title.en)"),
                "indicator_types": ["malicious-activity"],
                "pattern": .string(STIXPatternText.pattern(for: indicator)),
                "pattern_type": "stix",
                "pattern_version": "2.1",
                "valid_from": .string(seen),
            ]))
        }
        var extra: [JSONValue] = []
        var reportFields: [String: JSONValue] = [
            "name": .string(title.en),
            "description": .string(summary.en),
            "lang": "en",
            "report_types": ["threat-report"],
            "published": .string(modified),
        ]
        if let reporter {
            let identity = object("identity", name: reporter.organizationID, created: created, marking: self.label, [
                "name": .string(reporter.organizationName ?? reporter.organizationID),
                "identity_class": "organization",
            ])
            extra.append(identity)
            reportFields["created_by_ref"] = identity["id"]
        }
        let languageID = stixID("language-content", "ja")
        let refs = referenced.compactMap { $0["id"] }
        reportFields["object_refs"] = .array(refs.isEmpty ? [.string(languageID)] : refs)
        var report = object("report", name: "report", created: created, marking: self.label, reportFields)
        report["modified"] = .string(modified)
        let language = object("language-content", name: "ja", created: created, marking: self.label, [
            "object_ref": .string(stixReportID),
            "object_modified": .string(modified),
            "contents": ["ja": ["name": .string(title.ja), "description": .string(summary.ja)]],
        ])
        let objects = extra + referenced + [report, language]
        // The TLP 2.0 marking definitions used go along, so a consumer can resolve every marking ref.
        let usedLabels = Set(objects.flatMap { $0["object_marking_refs"]?.arrayValue ?? [] }.compactMap(\.stringValue))
        let markings = TLPLevel.allCases.filter { usedLabels.contains($0.markingDefinitionID) }.map(TLPMarkingDefinitions.object(for:))
        return [
            "type": "bundle",
            "id": .string(stixID("bundle", modified)),
            "objects": .array(markings + objects),
        ]
    }

    private func label(_ section: ReportSection) -> TLPLevel { sectionLabels[section] ?? label }

    private func object(_ type: String, name: String, created: String, marking: TLPLevel, _ fields: [String: JSONValue]) -> JSONValue {
        var members = fields
        members["type"] = .string(type)
        members["spec_version"] = "2.1"
        members["id"] = .string(stixID(type, name))
        members["created"] = .string(created)
        members["modified"] = .string(created)
        members["object_marking_refs"] = [.string(marking.markingDefinitionID)]
        return .object(members)
    }

    static func timestamp(_ date: Date) -> String { ReportCoding.formatInstant(date) }
}
