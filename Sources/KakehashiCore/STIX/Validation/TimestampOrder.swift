/// Ordering rules between two timestamps of one object (stix2-validator's `timestamp_compare`).
enum TimestampOrder {
    /// `later` must be the same instant as `earlier` or after it.
    static func constraint(_ later: String, atLeast earlier: String) -> ObjectConstraint {
        .custom { members, path, context in check(members, later, earlier, strictly: false, path, &context) }
    }

    /// `later` must be strictly after `earlier`.
    static func constraint(_ later: String, after earlier: String) -> ObjectConstraint {
        .custom { members, path, context in check(members, later, earlier, strictly: true, path, &context) }
    }

    static func check(_ members: [String: JSONValue], _ later: String, _ earlier: String, strictly: Bool,
                      _ path: String, _ context: inout ValidationContext) {
        guard let laterText = members[later]?.stringValue, let earlierText = members[earlier]?.stringValue else { return }
        let order: Int
        if laterText.utf8.count == earlierText.utf8.count {
            // Same width: byte order is time order for timestamps, and is stix2-validator's fallback otherwise.
            order = compareBytes(laterText, earlierText)
        } else if let laterTime = STIXTimestamp(laterText), let earlierTime = STIXTimestamp(earlierText) {
            order = laterTime.microsecondsSinceEpoch < earlierTime.microsecondsSinceEpoch ? -1
                : laterTime.microsecondsSinceEpoch > earlierTime.microsecondsSinceEpoch ? 1 : 0
        } else {
            order = compareBytes(laterText, earlierText)
        }
        if order < 0 || (strictly && order == 0) {
            context.error(.timestampOrder, JSONPathText.member(path, later),
                          "'\(later)' (\(laterText)) must be later than \(strictly ? "" : "or equal to ")'\(earlier)' (\(earlierText))")
        }
    }

    private static func compareBytes(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
