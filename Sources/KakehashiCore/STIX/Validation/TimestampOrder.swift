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
        guard let laterText = members[later]?.stringValue, let earlierText = members[earlier]?.stringValue,
              let laterTime = STIXTimestamp(laterText), let earlierTime = STIXTimestamp(earlierText)
        else { return }  // missing or malformed values are reported by the property rules
        let ordered = strictly
            ? laterTime.microsecondsSinceEpoch > earlierTime.microsecondsSinceEpoch
            : laterTime.microsecondsSinceEpoch >= earlierTime.microsecondsSinceEpoch
        if !ordered {
            context.error(.timestampOrder, JSONPathText.member(path, later),
                          "'\(later)' (\(laterText)) must be later than \(strictly ? "" : "or equal to ")'\(earlier)' (\(earlierText))")
        }
    }
}
