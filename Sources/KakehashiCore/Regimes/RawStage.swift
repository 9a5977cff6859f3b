struct RawPeriod: Decodable {
    var hours: Int?
    var calendarMonths: Int?
    var unknown: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable { case hours, calendarMonths }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hours = try c.decodeIfPresent(Int.self, forKey: .hours)
        calendarMonths = try c.decodeIfPresent(Int.self, forKey: .calendarMonths)
        unknown = regimeUnknownKeys(try regimeKeysPresent(in: decoder), known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    func checked(key: String, fail: (String) -> RegimeConfigurationError) throws -> StagePeriod {
        if !unknown.isEmpty { throw fail("\(key) has unknown key(s) \(unknown.joined(separator: ", ")) (use hours or calendarMonths)") }
        switch (hours, calendarMonths) {
        case (let h?, nil): return .hours(h)
        case (nil, let m?): return .calendarMonths(m)
        default: throw fail("\(key) must give exactly one of hours or calendarMonths")
        }
    }
}

struct RawStage: Decodable {
    var id: String?
    var name: BilingualText?
    var submissionKind: RawNotes?
    var anchor: String?
    var anchorStage: String?
    var period: RawPeriod?
    var pendingOrdinance: Bool?
    var placeholderPeriod: RawPeriod?
    var condition: String?
    var requiredFields: [String] = []
    var notes: RawNotes?
    var unknown: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, submissionKind, anchor, anchorStage, period, pendingOrdinance, placeholderPeriod, condition, requiredFields, notes
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        name = try c.decodeIfPresent(BilingualText.self, forKey: .name)
        submissionKind = try c.decodeIfPresent(RawNotes.self, forKey: .submissionKind)
        anchor = try c.decodeIfPresent(String.self, forKey: .anchor)
        anchorStage = try c.decodeIfPresent(String.self, forKey: .anchorStage)
        period = try c.decodeIfPresent(RawPeriod.self, forKey: .period)
        pendingOrdinance = try c.decodeIfPresent(Bool.self, forKey: .pendingOrdinance)
        placeholderPeriod = try c.decodeIfPresent(RawPeriod.self, forKey: .placeholderPeriod)
        condition = try c.decodeIfPresent(String.self, forKey: .condition)
        requiredFields = try c.decodeIfPresent([String].self, forKey: .requiredFields) ?? []
        notes = try c.decodeIfPresent(RawNotes.self, forKey: .notes)
        unknown = regimeUnknownKeys(try regimeKeysPresent(in: decoder), known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    func checked(regime: String, position: Int) throws -> RegimeStage {
        let stageName = (id?.isReportBlank ?? true) ? "#\(position)" : id ?? ""
        func fail(_ message: String) -> RegimeConfigurationError { RegimeConfigurationError(regime: regime, stage: stageName, message: message) }
        func oneOf<T: RawRepresentable & CaseIterable>(_ text: String?, _ key: String, _: T.Type) throws -> T where T.RawValue == String {
            let expected = T.allCases.map(\.rawValue).joined(separator: ", ")
            guard let text else { throw fail("has no \(key) (expected one of \(expected))") }
            guard let value = T(rawValue: text) else { throw fail("unknown \(key) '\(text)' (expected one of \(expected))") }
            return value
        }
        guard let id, !id.isReportBlank else { throw fail("has no id") }
        if !unknown.isEmpty { throw fail("unknown key(s) \(unknown.joined(separator: ", "))") }
        guard let name else { throw fail("has no name (give ja and en)") }
        guard let kindNames = submissionKind?.lines, !kindNames.isEmpty else {
            throw fail("has no submissionKind (expected initial, update or final, or a list of them)")
        }
        let kinds = try kindNames.map { try oneOf($0, "submissionKind", SubmissionKind.self) }
        guard !kinds.contains(.draft) else { throw fail("submissionKind cannot be draft; drafts are never delivered") }
        let anchorValue = try oneOf(anchor, "anchor", StageAnchor.self)
        let conditionValue = try condition.map { try oneOf($0, "condition", StageCondition.self) }
        let fields = try requiredFields.map { text in
            guard let field = ReportField(rawValue: text) else {
                throw fail("unknown required field '\(text)' (expected a path such as \(ReportField.timesBecameAware.rawValue); known: \(ReportField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return field
        }
        let pending = pendingOrdinance ?? false
        let checkedPeriod: StagePeriod
        if pending {
            guard period == nil else { throw fail("is pending ordinance: give placeholderPeriod, not period") }
            guard let placeholderPeriod else { throw fail("is pending ordinance but has no placeholderPeriod") }
            checkedPeriod = try placeholderPeriod.checked(key: "placeholderPeriod", fail: fail)
        } else {
            guard placeholderPeriod == nil else { throw fail("has placeholderPeriod but is not pendingOrdinance") }
            guard let period else { throw fail("has no period") }
            checkedPeriod = try period.checked(key: "period", fail: fail)
        }
        return RegimeStage(id: id, name: name, submissionKinds: kinds, anchor: anchorValue, anchorStage: anchorStage, period: checkedPeriod, pendingOrdinance: pending, condition: conditionValue, requiredFields: fields, notes: notes?.lines ?? [])
    }
}
