extension PropertyRule {
    /// Checks `value` against the rule, recording issues at `path`.
    func check(_ value: JSONValue, at path: PathBuilder, in context: inout ValidationContext) {
        switch self {
        case .string:
            expectString(value, path, &context)
        case .boolean:
            if value.boolValue == nil { typeError(value, "a boolean", path, &context) }
        case .integer(let range):
            guard case .number(let number) = value, number.isIntegral else {
                return typeError(value, "an integer", path, &context)
            }
            if let range, !(number.int64Value.map(range.contains) ?? false) {
                context.error(.propertyValue, path(), "\(number) is not between \(range.lowerBound) and \(range.upperBound)")
            }
        case .number(let range):
            guard let number = value.doubleValue else { return typeError(value, "a number", path, &context) }
            if let range, !range.contains(number) {
                context.error(.propertyValue, path(), "\(number) is not between \(range.lowerBound) and \(range.upperBound)")
            }
        case .timestamp, .timestampMillis, .timestampSeconds:
            checkTimestamp(value, path, &context)
        case .identifier(let constraint):
            IdentifierCheck.check(value, constraint, path, &context)
        case .observableReference(let types):
            guard let text = expectString(value, path, &context) else { return }
            IdentifierCheck.warnObservableReference(text, types, path, &context)
        case .list(let element, let minimumOne):
            guard case .array(let items) = value else { return typeError(value, "a list", path, &context) }
            if minimumOne && items.isEmpty { context.error(.emptyList, path(), "must not be an empty list") }
            for (index, item) in items.enumerated() {
                element.check(item, at: { JSONPathText.element(path(), index) }, in: &context)
            }
        case .oneOf(let allowed):
            guard let text = expectString(value, path, &context) else { return }
            if !allowed.contains(text) {
                context.error(.propertyValue, path(), "'\(text)' is not one of: \(allowed.sorted().joined(separator: ", "))")
            }
        case .vocabulary(let name, let values):
            guard let text = expectString(value, path, &context) else { return }
            if !values.contains(text) {
                context.warning(.vocabulary, path(), "'\(text)' is not in the \(name) vocabulary")
            }
        case .format(let format):
            guard let text = expectString(value, path, &context) else { return }
            if !format.accepts(text) { context.error(.format, path(), "'\(text)' is not \(format.name)") }
        case .object(let rule):
            guard case .object(let members) = value else { return typeError(value, "an object", path, &context) }
            rule.check(members, at: path(), in: &context)
        case .dictionary:
            DictionaryCheck.check(value, path, &context)
        case .hashes:
            HashesCheck.check(value, path, &context)
        case .custom(let check):
            check(value, path, &context)
        }
    }

    private func checkTimestamp(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard let text = expectString(value, path, &context) else { return }
        switch STIXTimestamp.parse(text) {
        case .failure(.format):
            context.error(.timestampFormat, path(), "'\(text)' is not a timestamp of the form YYYY-MM-DDTHH:MM:SS[.s+]Z")
        case .failure(.calendar):
            context.error(.timestampFormat, path(), "'\(text)' is not a real date and time")
        case .success(let timestamp):
            if case .timestampMillis = self, timestamp.fractionDigits < 3 {
                context.error(.timestampPrecision, path(), "'\(text)' must be precise to the millisecond (at least three fractional digits)")
            } else if case .timestampSeconds = self, timestamp.fractionDigits > 0 {
                context.error(.timestampPrecision, path(), "'\(text)' must be precise to the second (no fractional digits)")
            }
        }
    }

    @discardableResult
    private func expectString(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) -> String? {
        if case .string(let text) = value { return text }
        typeError(value, "a string", path, &context)
        return nil
    }

    private func typeError(_ value: JSONValue, _ expected: String, _ path: PathBuilder, _ context: inout ValidationContext) {
        if value.isNull {
            context.error(.nullValue, path(), "must not be null")
        } else {
            let kind = value.kindName
            let article = ["integer", "array", "object"].contains(kind) ? "an" : "a"
            context.error(.propertyType, path(), "must be \(expected), not \(article) \(kind)")
        }
    }
}

extension NestedObjectRule {
    /// Checks an object's members against the rule.
    func check(_ members: [String: JSONValue], at path: String, in context: inout ValidationContext) {
        for name in required where members[name] == nil {
            context.error(.requiredProperty, path, "missing required property '\(name)'")
        }
        for (name, value) in members {
            if let rule = properties[name] {
                rule.check(value, at: { JSONPathText.member(path, name) }, in: &context)
            } else if !allowsOtherProperties {
                context.error(.propertyName, JSONPathText.member(path, name), "'\(name)' is not allowed here")
            }
        }
        for constraint in constraints { constraint.check(members, at: path, in: &context) }
    }
}

extension ObjectConstraint {
    func check(_ members: [String: JSONValue], at path: String, in context: inout ValidationContext) {
        switch self {
        case .atLeastOne(let names):
            if !names.contains(where: { members[$0] != nil }) {
                context.error(.requiredProperty, path, "needs at least one of: \(names.joined(separator: ", "))")
            }
        case .custom(let check):
            check(members, path, &context)
        }
    }
}
