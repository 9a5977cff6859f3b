/// SCOs whose id cannot be derived from their properties must use random (version 4) UUIDs.
enum UUIDVersionRule {
    /// Requires a UUIDv4 id unless one of `contributing` is present (empty: always).
    static func requireVersion4(unless contributing: [String] = []) -> ObjectConstraint {
        .custom { members, path, context in
            guard let text = members["id"]?.stringValue, let identifier = STIXIdentifier(text), identifier.uuidVersion != 4 else {
                return
            }
            if contributing.isEmpty {
                context.error(.identifierFormat, JSONPathText.member(path, "id"), "a \(identifier.type) must use a version 4 UUID")
            } else if !contributing.contains(where: { members[$0] != nil }) {
                context.error(.identifierFormat, JSONPathText.member(path, "id"),
                              "without any of \(contributing.joined(separator: ", ")), the id must use a version 4 UUID")
            }
        }
    }
}
