import Foundation
import KakehashiCore

extension PageSession {
    /// An organisation's name in the page's language.
    func name(of organisation: Organisation) -> String {
        language == "ja" ? organisation.nameJa : organisation.nameEn
    }

    /// Every member organisation's name in the page's language, by id.
    func organisationNames(_ hub: Hub) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for organisation in try await hub.organisations.list() { names[organisation.id] = name(of: organisation) }
        return names
    }
}
