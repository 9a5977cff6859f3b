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

    /// What the `field` partial reads.
    struct Model: Encodable, Sendable, Equatable {
        /// One choice of a select or a group of checkboxes; a group's have an `id` for their labels.
        struct Choice: Encodable, Sendable, Equatable {
            let value: String
            let label: String
            let selected: Bool
            var id: String?
        }

        let name: String
        let label: String
        let value: String
        // Absent values are `false`, not "": swift-mustache treats an empty string as true in a section.
        let hint: FalseWhenAbsent<String>
        let inputLang: FalseWhenAbsent<String>
        let error: FalseWhenAbsent<String>
        var isText = false
        var isTextarea = false
        var isCheckbox = false
        var isSelect = false
        var isGroup = false
        var type = "text"
        let checked: Bool
        var options: [Choice] = []
    }

    /// The partial's model, reading the value from `form` and the error from `errors`.
    func model(_ form: FormFields, errors: [String: String]) -> Model {
        let value = form[name] ?? ""
        var model = Model(name: name, label: label, value: value, hint: (hint.isEmpty ? nil : hint).orFalse, inputLang: (lang.isEmpty ? nil : lang).orFalse,
                          error: errors[name].orFalse, checked: form[name] != nil)
        switch kind {
        case .text, .email, .tel, .number, .datetime:
            model.isText = true
            model.type = switch kind { case .email: "email"; case .tel: "tel"; case .number: "number"; case .datetime: "datetime-local"; default: "text" }
        case .textarea: model.isTextarea = true
        case .checkbox: model.isCheckbox = true
        case .select(let options):
            model.isSelect = true
            model.options = options.map { .init(value: $0.value, label: $0.label, selected: $0.value == value) }
        case .checkboxes(let options):
            model.isGroup = true
            let chosen = Set(form.all(name))
            model.options = options.enumerated().map { index, option in
                .init(value: option.value, label: option.label, selected: chosen.contains(option.value), id: "\(name)-\(index)")
            }
        }
        return model
    }
}

/// A titled group of fields (a `<fieldset>` with its legend).
struct FormGroup {
    let legend: String
    let fields: [FormField]

    /// What the step template reads of a group.
    struct Model: Encodable, Sendable, Equatable {
        let legend: String
        let fields: [FormField.Model]
    }

    func model(_ form: FormFields, errors: [String: String]) -> Model {
        Model(legend: legend, fields: fields.map { $0.model(form, errors: errors) })
    }
}
