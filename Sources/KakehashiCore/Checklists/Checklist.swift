import Foundation

/// A self-assessment checklist: questions an operator answers about its own security practice, grouped
/// by category, in Japanese and English. Checklists are data (`Resources/checklists/*.json`), versioned,
/// so that an assessment says which version it answered.
public struct Checklist: Sendable, Equatable, Codable, Identifiable {
    public struct Item: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var category: String
        public var textJa: String
        public var textEn: String
    }

    public struct Category: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var nameJa: String
        public var nameEn: String
    }

    public var id: String
    public var version: String
    public var titleJa: String
    public var titleEn: String
    public var sectors: [Sector]
    public var categories: [Category]
    public var items: [Item]

    /// Reads and checks a checklist file.
    /// - Throws: ``ChecklistError`` naming the file and what is wrong (the JSON path of a bad value).
    public static func decode(_ data: Data, name: String) throws(ChecklistError) -> Checklist {
        let checklist: Checklist
        do {
            checklist = try JSONDecoder().decode(Checklist.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ChecklistError(file: name, message: "\(Self.path(context.codingPath + [key])): required property is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ChecklistError(file: name, message: "\(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw ChecklistError(file: name, message: "\(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw ChecklistError(file: name, message: "\(error)")
        }
        try checklist.validate(name: name)
        return checklist
    }

    func validate(name: String) throws(ChecklistError) {
        guard id.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
            throw ChecklistError(file: name, message: "$.id: '\(id)' must be lower-case letters, digits and hyphens")
        }
        guard !items.isEmpty else { throw ChecklistError(file: name, message: "$.items: a checklist needs at least one item") }
        let categoryIDs = Set(categories.map(\.id))
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            guard seen.insert(item.id).inserted else { throw ChecklistError(file: name, message: "$.items[\(index)].id: '\(item.id)' appears twice") }
            guard categoryIDs.contains(item.category) else {
                throw ChecklistError(file: name, message: "$.items[\(index)].category: '\(item.category)' is not one of the checklist's categories")
            }
            guard !item.textJa.isEmpty, !item.textEn.isEmpty else { throw ChecklistError(file: name, message: "$.items[\(index)]: needs textJa and textEn") }
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        "$" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// A checklist file that does not read.
public struct ChecklistError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
