import Foundation
import Testing

/// Loads files from `Fixtures/advisories/`.
enum AdvisoryFixtures {
    static func data(_ name: String) throws -> Data {
        let base = try #require(Bundle.module.resourceURL, "test bundle has no resources")
        return try Data(contentsOf: base.appendingPathComponent("Fixtures/advisories/\(name)"))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }
}
