import KakehashiCore

/// What each step of the report form asks, as groups of labelled fields; labels of report fields come
/// from the domain's bilingual labels, the rest from ``Messages``.
struct ReportFormLayout {
    let form: FormFields
    let language: ReportLanguage
    let text: [String: String]

    init(form: FormFields, language: String) {
        self.form = form
        self.language = language == "en" ? .en : .ja
        self.text = Messages.catalogue(language)
    }

    func t(_ key: String) -> String { text[key] ?? key }
    func label(_ field: ReportField) -> String { field.label[language] }

    func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, prefix: String, blank: Bool = false) -> [FormField.Option] where T.RawValue == String {
        (blank ? [FormField.Option(value: "", label: t("not_known"))] : []) + type.allCases.map { FormField.Option(value: $0.rawValue, label: t("\(prefix)_\($0.rawValue)")) }
    }

    /// The groups of `step`'s form.
    func groups(_ step: ReportStep) -> [FormGroup] {
        switch step {
        case .reporter: reporter()
        case .happened: happened()
        case .impact: impact()
        case .details: details()
        case .sharing: sharing()
        case .review: []
        }
    }

    func reporter() -> [FormGroup] {
        let sectors = Sector.allCases.map { FormField.Option(value: $0.regimeSectorName, label: language == .ja ? $0.nameJa : $0.nameEn) }
        let designations = ReportFormFields.designations.map { FormField.Option(value: $0, label: t("designation_\($0)")) }
        var groups = [FormGroup(legend: t("reporter_legend"), fields: [
            FormField(name: "designations", label: label(.reporterDesignations), kind: .checkboxes(designations), hint: t("designations_hint")),
            FormField(name: "sectors", label: label(.reporterSectors), kind: .checkboxes(sectors)),
        ])]
        for index in 0..<ReportFormFields.rows(form, prefix: "contact_", columns: ["name", "role", "email", "phone"]) {
            groups.append(FormGroup(legend: "\(t("contact")) \(index + 1)", fields: [
                FormField(name: "contact_name_\(index)", label: t("contact_name"), kind: .text),
                FormField(name: "contact_role_\(index)", label: t("contact_role"), kind: .text),
                FormField(name: "contact_email_\(index)", label: t("contact_email"), kind: .email),
                FormField(name: "contact_phone_\(index)", label: t("contact_phone"), kind: .tel),
                FormField(name: "contact_24x7_\(index)", label: label(.contact24x7), kind: .checkbox),
            ]))
        }
        return groups
    }

    func happened() -> [FormGroup] {
        [
            FormGroup(legend: t("times_legend"), fields: [
                FormField(name: "time_zone", label: t("time_zone"), kind: .text, hint: t("time_zone_hint")),
                FormField(name: "occurred", label: label(.timesOccurred), kind: .datetime),
                FormField(name: "detected", label: label(.timesDetected), kind: .datetime),
                FormField(name: "became_aware", label: label(.timesBecameAware), kind: .datetime, hint: t("became_aware_hint")),
                FormField(name: "resolved", label: label(.timesResolved), kind: .datetime),
            ]),
            FormGroup(legend: t("what_legend"), fields: [
                FormField(name: "category", label: label(.category), kind: .select(options(IncidentCategory.self, prefix: "category"))),
                FormField(name: "status", label: label(.status), kind: .select(options(IncidentStatus.self, prefix: "status"))),
                FormField(name: "entry_vector", label: label(.entryVector), kind: .select(options(EntryVector.self, prefix: "vector", blank: true))),
                FormField(name: "attack_techniques", label: label(.attackTechniques), kind: .text, hint: t("techniques_hint")),
                FormField(name: "narrative_ja", label: label(.narrativeJapanese), kind: .textarea, lang: "ja"),
                FormField(name: "narrative_en", label: label(.narrativeEnglish), kind: .textarea, lang: "en"),
                FormField(name: "narrative_shareable", label: t("narrative_shareable"), kind: .checkbox),
            ]),
        ]
    }

    func impact() -> [FormGroup] {
        var groups: [FormGroup] = []
        for index in 0..<ReportFormFields.rows(form, prefix: "service_", columns: ["name", "users", "area", "duration"]) {
            groups.append(FormGroup(legend: "\(label(.serviceImpact)) \(index + 1)", fields: [
                FormField(name: "service_name_\(index)", label: t("service_name"), kind: .text),
                FormField(name: "service_state_\(index)", label: t("service_state"), kind: .select(options(ServiceState.self, prefix: "state"))),
                FormField(name: "service_users_\(index)", label: label(.serviceImpactUsers), kind: .number),
                FormField(name: "service_area_\(index)", label: label(.serviceImpactArea), kind: .text),
                FormField(name: "service_duration_\(index)", label: t("duration_minutes"), kind: .number),
            ]))
        }
        for index in 0..<ReportFormFields.rows(form, prefix: "system_", columns: ["name", "kind"]) {
            groups.append(FormGroup(legend: "\(label(.affectedSystems)) \(index + 1)", fields: [
                FormField(name: "system_name_\(index)", label: t("system_name"), kind: .text),
                FormField(name: "system_kind_\(index)", label: t("system_kind"), kind: .text, hint: t("system_kind_hint")),
                FormField(name: "system_equipment_\(index)", label: t("critical_equipment"), kind: .checkbox),
                FormField(name: "system_computer_\(index)", label: t("critical_computer"), kind: .checkbox),
            ]))
        }
        groups.append(FormGroup(legend: t("response_legend"), fields: [
            FormField(name: "actions_taken", label: label(.actionsTaken), kind: .textarea, hint: t("one_per_line")),
            FormField(name: "already_notified", label: label(.alreadyNotified), kind: .text, hint: t("comma_separated")),
        ]))
        return groups
    }

    func details() -> [FormGroup] {
        var groups: [FormGroup] = []
        for index in 0..<ReportFormFields.rows(form, prefix: "indicator_", columns: ["value"]) {
            groups.append(FormGroup(legend: "\(label(.indicators)) \(index + 1)", fields: [
                FormField(name: "indicator_type_\(index)", label: t("indicator_kind"), kind: .select(options(IncidentIndicatorType.self, prefix: "kind"))),
                FormField(name: "indicator_value_\(index)", label: t("indicator_value"), kind: .text),
                FormField(name: "indicator_shareable_\(index)", label: t("indicator_shareable"), kind: .checkbox),
            ]))
        }
        groups.append(FormGroup(legend: label(.exploitedCVEs), fields: [FormField(name: "cves", label: label(.exploitedCVEs), kind: .text, hint: t("comma_separated"))]))
        groups.append(FormGroup(legend: label(.ransom), fields: [
            FormField(name: "ransom_demanded", label: t("ransom_demanded"), kind: .checkbox),
            FormField(name: "ransom_paid", label: t("ransom_paid"), kind: .checkbox),
            FormField(name: "ransom_amount", label: label(.ransomAmount), kind: .text, hint: t("amount_hint")),
            FormField(name: "ransom_currency", label: label(.ransomCurrency), kind: .text),
            FormField(name: "ransom_paid_at", label: label(.ransomPaidAt), kind: .datetime),
        ]))
        groups.append(FormGroup(legend: t("ddos_legend"), fields: [
            FormField(name: "ddos_bps", label: t("ddos_bps"), kind: .number),
            FormField(name: "ddos_pps", label: t("ddos_pps"), kind: .number),
            FormField(name: "ddos_vectors", label: label(.ddosVectors), kind: .text, hint: t("comma_separated")),
            FormField(name: "ddos_mitigation", label: label(.ddosMitigation), kind: .text),
        ]))
        return groups
    }

    func sharing() -> [FormGroup] {
        let tlps = TLPLevel.allCases.map { FormField.Option(value: $0.rawValue, label: $0.displayName) }
        return [FormGroup(legend: t("sharing_legend"), fields: [
            FormField(name: "tlp", label: "TLP", kind: .select(tlps), hint: t("tlp_hint")),
            FormField(name: "share_isac", label: t("share_isac"), kind: .checkbox),
            FormField(name: "share_national", label: t("share_national"), kind: .checkbox),
            FormField(name: "anonymise", label: t("anonymise"), kind: .checkbox, hint: t("anonymise_hint")),
        ])]
    }
}
