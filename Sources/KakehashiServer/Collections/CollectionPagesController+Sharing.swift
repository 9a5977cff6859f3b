import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

extension CollectionPagesController {
    /// Shares an indicator entered on the page; errors come back beside their fields with the input kept.
    @Sendable func addIndicator(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let collection = try await writable(context, page: page)
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 256 * 1024)))
            let draft = IndicatorDraft(
                kind: IncidentIndicatorType(rawValue: form["kind"] ?? "") ?? .ipv4, value: form["value"] ?? "",
                nameEn: form["name_en"] ?? "", nameJa: form["name_ja"] ?? "",
                descriptionEn: form["description_en"] ?? "", descriptionJa: form["description_ja"] ?? "",
                tlp: TLPLevel(rawValue: form["tlp"] ?? "") ?? collection.defaultTLP)
            let problems = draft.problems()
            guard problems.isEmpty else {
                let errors = problems.mapValues { page.text[$0.replacingOccurrences(of: "-", with: "_")] ?? $0 }
                return try await collectionPage(request, page: page, collection: collection, outcome: .init(draft: draft, errors: errors), status: .unprocessableContent)
            }
            let objects = try draft.stixObjects().map { try STIXValidator.forHub.object(from: $0) }
            let audit = AuditRecord.by(context, action: "web.indicator.share", objectType: "collection", objectID: collection.id.uuidString.lowercased())
            _ = try await hub.objects.add(objects, to: collection, producer: page.principal.organisation.id, audit: audit)
            return .redirect(to: "/collections/\(collection.id.uuidString.lowercased())/objects/\(objects[0].id)", type: .normal)
        }
    }

    /// Stores the valid objects of a pasted STIX bundle and shows what was refused and why.
    @Sendable func uploadBundle(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let collection = try await writable(context, page: page)
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: HubLimits.maxBodyBytes)))
            guard let bundle = try? JSONValue.parse(form["bundle"] ?? "") else {
                return try await collectionPage(request, page: page, collection: collection, outcome: .init(formError: page.text["invalid_bundle"] ?? ""), status: .badRequest)
            }
            let validation = STIXValidator.forHub.validateBundle(bundle)
            let audit = AuditRecord.by(context, action: "web.bundle.upload", objectType: "collection", objectID: collection.id.uuidString.lowercased())
            let outcome = try await hub.objects.add(validation.validObjects, to: collection, producer: page.principal.organisation.id, audit: audit)
            var lines = ["\(outcome.added.count)\(page.text["stored"] ?? ""), \(validation.results.count - validation.validObjects.count)\(page.text["rejected"] ?? "")"]
            for case .failure(let error) in validation.results { lines.append(error.description) }
            lines += validation.bundleIssues.map(\.description)
            return try await collectionPage(request, page: page, collection: collection, outcome: .init(formError: lines.joined(separator: " / ")), status: .ok)
        }
    }

    /// The collection named in the path, if the viewer's organisation may add to it.
    func writable(_ context: HubRequestContext, page: PageSession) async throws -> SharingCollection {
        let collection = try await readable(context, page: page)
        guard collection.canWrite(page.principal.organisation.id), page.principal.allows(.write) else { throw PageNotFound() }
        return collection
    }
}
