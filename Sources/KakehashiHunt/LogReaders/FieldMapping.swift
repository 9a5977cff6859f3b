import Foundation
import KakehashiPrimitives

/// Says which CSV column or JSON key holds which observable, for `jsonl` and `csv` logs.
///
/// The file is JSON; `fields` maps a role (see `FieldRole`) to one column/key or a list of them.
/// JSON keys are dotted paths into nested objects. CSV columns are header names, or 1-based
/// column numbers when `header` is false.
/// ```json
/// { "fields": { "timestamp": "@timestamp", "src_ip": "source.ip", "dst_ip": "destination.ip",
///               "domain": ["dns.question.name", "url.domain"], "sha256": "file.hash.sha256" },
///   "delimiter": ",", "header": true }
/// ```
public struct FieldMapping: Sendable, Equatable {
    /// Column or key name → role.
    public var columns: [String: FieldRole]
    /// CSV delimiter byte (default `,`).
    public var delimiter: UInt8
    /// Whether the first CSV line names the columns (default true).
    public var header: Bool

    /// A mapping from column/key names to roles.
    public init(columns: [String: FieldRole], delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true) {
        self.columns = columns
        self.delimiter = delimiter
        self.header = header
    }

    /// Reads a mapping file.
    /// - Throws: `FieldMappingError` naming the file and the offending entry.
    public init(contentsOf path: String) throws(FieldMappingError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FieldMappingError(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        try self.init(json: data, path: path)
    }

    /// Parses mapping JSON; `path` is only used in errors.
    public init(json: Data, path: String = "<mapping>") throws(FieldMappingError) {
        let parsed: JSONValue
        do { parsed = try JSONValue.parse(json) } catch {
            throw FieldMappingError(path: path, reason: "not JSON: \(error)")
        }
        guard let root = parsed.objectValue else {
            throw FieldMappingError(path: path, reason: "not a JSON object")
        }
        guard let fields = root["fields"]?.objectValue, !fields.isEmpty else {
            throw FieldMappingError(path: path, reason: "missing a non-empty \"fields\" object")
        }
        var columns: [String: FieldRole] = [:]
        for (roleName, value) in fields {
            guard let role = FieldRole(rawValue: roleName) else {
                let known = FieldRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw FieldMappingError(path: path, reason: "unknown role \"\(roleName)\" (known: \(known))")
            }
            let names: [String]
            if let one = value.stringValue {
                names = [one]
            } else if let many = value.arrayValue?.compactMap(\.stringValue), many.count == value.arrayValue?.count {
                names = many
            } else {
                throw FieldMappingError(path: path, reason: "role \"\(roleName)\" must map to a string or a list of strings")
            }
            for name in names { columns[name] = role }
        }
        var delimiter = UInt8(ascii: ",")
        if let d = root["delimiter"]?.stringValue {
            let scalar = d == "\\t" ? "\t" : d
            guard scalar.utf8.count == 1, let byte = scalar.utf8.first else {
                throw FieldMappingError(path: path, reason: "\"delimiter\" must be one character")
            }
            delimiter = byte
        }
        self.init(columns: columns, delimiter: delimiter, header: root["header"]?.boolValue ?? true)
    }
}

/// A mapping file that cannot be used.
public struct FieldMappingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The mapping file.
    public var path: String
    /// What is wrong with it.
    public var reason: String
    /// `mapping file '…': reason`.
    public var description: String { "mapping file '\(path)': \(reason)" }
}
