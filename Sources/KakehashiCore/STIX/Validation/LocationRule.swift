/// A location needs a region, a country, or coordinates; latitude and longitude come together,
/// and precision only with them.
enum LocationRule {
    @Sendable static func check(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        let hasLatitude = members["latitude"] != nil
        let hasLongitude = members["longitude"] != nil
        if members["region"] == nil && members["country"] == nil && !(hasLatitude && hasLongitude) {
            context.error(.requiredProperty, path, "a location needs region, country, or latitude and longitude")
        }
        if hasLatitude != hasLongitude {
            context.error(.propertyCombination, path, "latitude and longitude must be given together")
        }
        if members["precision"] != nil && !(hasLatitude && hasLongitude) {
            context.error(.propertyCombination, JSONPathText.member(path, "precision"), "precision needs latitude and longitude")
        }
    }
}
