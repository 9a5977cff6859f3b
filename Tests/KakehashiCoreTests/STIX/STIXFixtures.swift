import Foundation
import Testing
@testable import KakehashiCore

/// Loads the STIX fixtures under `Fixtures/stix/`.
enum STIXFixtures {
    /// Files that must be entirely valid.
    static let validFiles = ["sdo-sro-meta-bundle.json", "sco-bundle.json"]
    /// A bundle whose every object breaks one rule (named in its `x_breaks` property).
    static let invalidFile = "invalid-objects-bundle.json"
    /// Boundary cases with no declared verdict: stix2-validator decides (see `STIXOracleAgreementTests`).
    static let edgeFile = "edge-cases-bundle.json"
    static var allFiles: [String] { validFiles + [invalidFile, edgeFile] }

    static func url(_ name: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent("stix").appendingPathComponent(name)
    }

    static func document(_ name: String) throws -> JSONValue {
        try JSONValue.parse(Data(contentsOf: url(name)))
    }

    /// The objects of a fixture bundle.
    static func objects(_ name: String) throws -> [JSONValue] {
        try #require(document(name)["objects"]?.arrayValue)
    }

    /// The first object of `type` in the valid fixtures.
    static func first(_ type: String) throws -> JSONValue {
        let all = try validFiles.flatMap(objects)
        return try #require(all.first { $0["type"]?.stringValue == type })
    }
}
