import Foundation

/// Validates STIX 2.1 objects and bundles the way stix2-validator does (its errors, not its warnings),
/// and turns valid ones into ``STIXObject``s.
///
/// ```swift
/// let validator = STIXValidator()
/// let object = try validator.object(fromJSON: requestBody)   // JSONParseError or STIXValidationError
/// object.tlp, object.modified?.microsecondsSinceEpoch, object.json.serialized()
/// ```
public struct STIXValidator: Sendable {
    /// Checks `stix` patterns of indicators; without one, patterns are not parsed.
    public var patternChecker: STIXPatternChecker?

    /// Creates a validator.
    public init(patternChecker: STIXPatternChecker? = nil) {
        self.patternChecker = patternChecker
    }

    /// Every issue (errors and warnings) of one object or a bundle and all its objects.
    public func issues(in value: JSONValue) -> [STIXValidationIssue] {
        guard case .object(let members) = value else {
            return [STIXValidationIssue(severity: .error, objectID: nil, path: "", rule: .propertyType,
                                        message: "a STIX object must be a JSON object, not \(value.kindName)")]
        }
        if members["type"]?.stringValue == "bundle" {
            let validation = validateBundle(value)
            return validation.bundleIssues + validation.results.flatMap { result in
                switch result {
                case .success(let object): object.warnings
                case .failure(let error): error.errors + error.warnings
                }
            }
        }
        return ObjectChecker.check(members, patternChecker: patternChecker)
    }

    /// Validates one object (not a bundle).
    public func object(from value: JSONValue) throws(STIXValidationError) -> STIXObject {
        guard case .object(let members) = value else {
            throw STIXValidationError(issues: issues(in: value))
        }
        let found = ObjectChecker.check(members, patternChecker: patternChecker)
        if found.contains(where: { $0.severity == .error }) { throw STIXValidationError(issues: found) }
        return STIXObject(validated: members, warnings: found)
    }

    /// Parses and validates one object from UTF-8 JSON.
    ///
    /// - Throws: ``JSONParseError`` for malformed JSON, ``STIXValidationError`` for invalid STIX.
    public func object(fromJSON bytes: some Collection<UInt8>) throws -> STIXObject {
        try object(from: JSONValue.parse(bytes))
    }

    /// Parses and validates one object from JSON `Data`.
    public func object(fromJSON data: Data) throws -> STIXObject {
        try object(from: JSONValue.parse(data))
    }

    /// Validates each object of a TAXII envelope's `objects` list independently.
    public func objects(_ values: [JSONValue]) -> [Result<STIXObject, STIXValidationError>] {
        values.map { value in Result { () throws(STIXValidationError) in try object(from: value) } }
    }
}
