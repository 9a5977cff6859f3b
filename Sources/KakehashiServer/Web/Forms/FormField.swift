/// One labelled control of a server-rendered form, as the `field` partial draws it: its label, its value
/// (the posted text when the form came back with errors), and its error beside it.
struct FormField {
    enum Kind {
        case text, email, tel, number, datetime, textarea, checkbox
        case select([Option])
        case checkboxes([Option])
    }

    struct Option {
        let value: String
        let label: String
    }

    let name: String
    let label: String
    let kind: Kind
    var hint: String = ""
    /// The language of the text typed into it, for screen readers and input methods.
    var lang: String = ""

    /// The template values, reading the value from `form` and the error from `errors`.
    func values(_ form: FormFields, errors: [String: String]) -> [String: Any] {
        let value = form[name] ?? ""
        var values: [String: Any] = [
            // Absent values are `false`, not "": swift-mustache treats an empty string as true in a section.
            "name": name, "label": label, "value": value, "hint": (hint.isEmpty ? nil : hint).orFalse, "inputLang": (lang.isEmpty ? nil : lang).orFalse,
            "error": errors[name].orFalse,
            "isText": false, "isTextarea": false, "isCheckbox": false, "isSelect": false, "isGroup": false, "type": "text",
            "checked": form[name] != nil, "options": [[String: Any]](),
        ]
        switch kind {
        case .text, .email, .tel, .number, .datetime:
            values["isText"] = true
            let type: String = switch kind { case .email: "email"; case .tel: "tel"; case .number: "number"; case .datetime: "datetime-local"; default: "text" }
            values["type"] = type
        case .textarea: values["isTextarea"] = true
        case .checkbox: values["isCheckbox"] = true
        case .select(let options):
            values["isSelect"] = true
            values["options"] = options.map { option -> [String: Any] in ["value": option.value, "label": option.label, "selected": option.value == value] }
        case .checkboxes(let options):
            values["isGroup"] = true
            let chosen = Set(form.all(name))
            values["options"] = options.enumerated().map { index, option -> [String: Any] in
                ["value": option.value, "label": option.label, "selected": chosen.contains(option.value), "id": "\(name)-\(index)"]
            }
        }
        return values
    }
}

/// A titled group of fields (a `<fieldset>` with its legend).
struct FormGroup {
    let legend: String
    let fields: [FormField]

    func values(_ form: FormFields, errors: [String: String]) -> [String: Any] {
        ["legend": legend, "fields": fields.map { $0.values(form, errors: errors) }]
    }
}
