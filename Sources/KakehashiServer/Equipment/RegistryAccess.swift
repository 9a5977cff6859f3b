import Foundation
import KakehashiCore
import KakehashiStorage

/// Who may see an operator's equipment registry and findings: the operator itself and the
/// regulators of its sectors; no one else (others get 404, as if the registry did not exist).
struct RegistryAccess {
    enum Relation: String {
        case owner
        case regulator
    }

    let organisation: Organisation
    let relation: Relation

    /// The registry `reference` names (or the principal's own when nil), if the principal may see it.
    static func resolve(_ reference: String?, for principal: Principal, organisations: OrganisationRepository) async throws -> RegistryAccess {
        guard let reference, !reference.isEmpty else {
            return RegistryAccess(organisation: principal.organisation, relation: .owner)
        }
        guard let target = try await organisations.find(reference: reference) else {
            throw APIError(.notFound, code: "not-found", "there is no registry for organisation \(reference) that you may see")
        }
        if target.id == principal.organisation.id { return RegistryAccess(organisation: target, relation: .owner) }
        guard principal.regulates(target) else {
            throw APIError(.notFound, code: "not-found", "there is no registry for organisation \(reference) that you may see")
        }
        return RegistryAccess(organisation: target, relation: .regulator)
    }

    /// Registries the principal's organisation regulates (empty for others).
    static func regulated(by principal: Principal, organisations: OrganisationRepository) async throws -> [Organisation] {
        guard principal.organisation.kind == .regulator else { return [] }
        return try await organisations.list().filter { principal.regulates($0) }
    }

    /// Only the owner changes its registry or its decisions.
    func requireOwner() throws {
        guard relation == .owner else {
            throw APIError(.forbidden, code: "not-owner", "only \(organisation.nameEn) may change its own registry and decisions; regulators read them")
        }
    }
}

extension Principal {
    /// A regulator's view over operators of the sectors it regulates.
    func regulates(_ other: Organisation) -> Bool {
        organisation.kind == .regulator && other.kind == .operator && !Set(organisation.sectors).isDisjoint(with: other.sectors)
    }
}
