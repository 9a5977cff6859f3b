import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

/// Resources/openapi.json and the handlers must not drift apart: the same operations, and the same
/// required request fields for the bodies that matter most.
@Suite struct OpenAPIDriftTests {
    /// The document as the hub serves it.
    static func document(_ client: some TestClientProtocol) async throws -> [String: Any] {
        try await client.execute(uri: "/openapi.json", method: .get) { response in
            #expect(response.status == .ok)
            return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        }
    }

    /// `GET /api/v1/incidents/{id}` for every route the router registers under /api/v1.
    static func routedOperations(_ router: Router<HubRequestContext>) -> Set<String> {
        Set(router.routes.filter { $0.path.description.hasPrefix("/api/v1") }.map { route in
            // Hummingbird writes parameters as `:id`; OpenAPI as `{id}`.
            let path = route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue) \(path)"
        })
    }

    /// `GET /api/v1/incidents/{id}` for every operation the document describes under /api/v1.
    static func documentedOperations(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        return Set(paths.filter { $0.key.hasPrefix("/api/v1") }.flatMap { path, operations in
            operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
        })
    }

    @Test func routerAndDocumentDescribeTheSameOperations() async throws {
        try await TestHub.run(on: .sqlite) { hub, client in
            let router = try await buildRouter(hub: hub.hub)
            let document = try await Self.document(client)

            let routed = Self.routedOperations(router)
            let documented = try Self.documentedOperations(document)

            #expect(document["openapi"] as? String == "3.1.0")
            #expect(routed.count > 40)
            #expect(routed.subtracting(documented).sorted() == [], "routed but missing from openapi.json")
            #expect(documented.subtracting(routed).sorted() == [], "in openapi.json but not routed")
        }
    }

    /// The request body schema of `method path`, with a top-level `$ref` resolved.
    static func requestSchema(_ document: [String: Any], _ method: String, _ path: String) throws -> [String: Any] {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let operation = try #require(paths[path]?[method] as? [String: Any], "\(method) \(path) is not in openapi.json")
        let body = try #require(operation["requestBody"] as? [String: Any], "\(method) \(path) has no requestBody")
        let content = try #require(body["content"] as? [String: Any])
        let json = try #require(content["application/json"] as? [String: Any])
        var schema = try #require(json["schema"] as? [String: Any])
        if let reference = schema["$ref"] as? String {
            let name = try #require(reference.split(separator: "/").last.map(String.init))
            let components = try #require(document["components"] as? [String: Any])
            let schemas = try #require(components["schemas"] as? [String: Any])
            schema = try #require(schemas[name] as? [String: Any], "\(reference) is not defined")
        }
        return schema
    }

    /// The top-level fields of `example` without which `Body` does not decode.
    static func requiredFields<Body: Decodable>(of type: Body.Type, example: [String: Any], decoder: JSONDecoder) throws -> Set<String> {
        _ = try decoder.decode(Body.self, from: try JSONSerialization.data(withJSONObject: example))
        var required: Set<String> = []
        for field in example.keys {
            var without = example
            without[field] = nil
            if (try? decoder.decode(Body.self, from: try JSONSerialization.data(withJSONObject: without))) == nil { required.insert(field) }
        }
        return required
    }

    /// Checks that `Body`'s required fields are the schema's `required`, and that the example covers every
    /// property the schema names (so none goes unprobed).
    static func expectSameRequiredFields<Body: Decodable>(
        _ type: Body.Type, _ method: String, _ path: String, example: [String: Any], decoder: JSONDecoder = HubJSON.decoder, in document: [String: Any]
    ) throws {
        let schema = try requestSchema(document, method, path)
        let documented = Set(schema["required"] as? [String] ?? [])
        let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)

        let required = try requiredFields(of: type, example: example, decoder: decoder)

        #expect(properties.subtracting(example.keys).sorted() == [], "the example for \(method) \(path) leaves out documented properties")
        #expect(required == documented, "\(method) \(path): \(Body.self) requires \(required.sorted()), openapi.json says \(documented.sorted())")
    }

    @Test func requestStructsRequireWhatTheDocumentRequires() async throws {
        try await TestHub.run(on: .sqlite) { _, client in
            let document = try await Self.document(client)
            let reportDecoder = ReportCoding.makeDecoder(attributedTo: Reporter(organizationID: "org-test", sectors: ["railway"]))
            let report = ReportingWorld.railwayReport()

            try Self.expectSameRequiredFields(IncidentController.ReportRequest.self, "post", "/api/v1/incidents", example: report, decoder: reportDecoder, in: document)
            try Self.expectSameRequiredFields(IncidentController.ReportRequest.self, "put", "/api/v1/incidents/{id}/draft", example: report, decoder: reportDecoder, in: document)
            try Self.expectSameRequiredFields(IncidentController.SubmitRequest.self, "post", "/api/v1/incidents/{id}/submissions",
                                              example: ["kind": "initial", "report": report, "baseVersion": 0], decoder: reportDecoder, in: document)
            try Self.expectSameRequiredFields(CampaignService.OpenRequest.self, "post", "/api/v1/campaigns",
                                              example: ["titleJa": "広域障害", "titleEn": "Wide outage", "summary": "s", "sectors": ["railways"]], in: document)
            try Self.expectSameRequiredFields(CampaignService.StatusRequest.self, "put", "/api/v1/campaigns/{id}/status",
                                              example: ["state": "degraded", "note": "n"], in: document)
            try Self.expectSameRequiredFields(ChecklistController.SaveRequest.self, "put", "/api/v1/checklists/{id}/assessment",
                                              example: ["responses": ["q1": ["answer": "yes", "note": "n"]]], in: document)
        }
    }

    @Test func everyOtherJSONBodyRequiresWhatTheDocumentRequires() async throws {
        try await TestHub.run(on: .sqlite) { _, client in
            let document = try await Self.document(client)
            let id = UUID().uuidString

            try Self.expectSameRequiredFields(SessionController.SignInRequest.self, "post", "/api/v1/session", example: ["username": "u", "password": "p"], in: document)
            try Self.expectSameRequiredFields(OrganisationController.CreateRequest.self, "post", "/api/v1/organisations",
                                              example: ["nameJa": "鉄道", "nameEn": "Rail", "kind": "operator", "sectors": ["railways"], "isacTier": "regular"], in: document)
            try Self.expectSameRequiredFields(OrganisationController.NotificationEmailsRequest.self, "put", "/api/v1/organisations/{id}/notification-emails",
                                              example: ["addresses": ["soc@example.jp"]], in: document)
            try Self.expectSameRequiredFields(UserController.CreateRequest.self, "post", "/api/v1/users", example: [
                "username": "u", "displayName": "U", "password": "p", "role": "analyst", "organisationID": id, "locale": "ja", "timeZone": "Asia/Tokyo",
            ], in: document)
            try Self.expectSameRequiredFields(TokenController.CreateRequest.self, "post", "/api/v1/tokens", example: ["name": "ci", "scopes": ["read"], "expiresInDays": 30], in: document)
            try Self.expectSameRequiredFields(AuthorityController.AssignRequest.self, "put", "/api/v1/authorities/{authority}", example: ["organisations": [id]], in: document)
            try Self.expectSameRequiredFields(WebhookController.CreateRequest.self, "post", "/api/v1/webhooks", example: ["url": "https://soc.example.jp/hook", "secret": "s"], in: document)
            for path in ["/api/v1/findings/not-applicable", "/api/v1/findings/reopen"] {
                try Self.expectSameRequiredFields(FindingController.DecisionRequest.self, "post", path, example: ["item": "i", "vulnerability": "CVE-2026-0001", "reason": "r"], in: document)
            }
            try Self.expectSameRequiredFields(AdvisoryFeedController.CreateRequest.self, "post", "/api/v1/advisory-feeds",
                                              example: ["url": "https://vendor.example/csaf/provider-metadata.json", "format": "csaf", "intervalHours": 6], in: document)
            try Self.expectSameRequiredFields(PeerController.CreateRequest.self, "post", "/api/v1/peers", example: PeerWorld.declaration(["credential": "env:FIN_ISAC_TOKEN"]), in: document)
            try Self.expectSameRequiredFields(ConsultationService.OpenRequest.self, "post", "/api/v1/consultations",
                                              example: ["addressee": id, "collection": id, "object": "indicator--x", "incident": id, "title": "t", "body": "b", "tlp": "amber"], in: document)
            try Self.expectSameRequiredFields(ConsultationService.ReplyRequest.self, "post", "/api/v1/consultations/{id}/replies", example: ["body": "b"], in: document)
            try Self.expectSameRequiredFields(OpinionService.SaveRequest.self, "put", "/api/v1/collections/{collection}/objects/{object}/opinions",
                                              example: ["verdict": "useful", "note": "n"], in: document)
        }
    }

    @Test func theRequiredFieldProbeFindsARequiredField() throws {
        struct Probe: Decodable {
            let needed: String
            let optional: String?
        }

        let required = try Self.requiredFields(of: Probe.self, example: ["needed": "a", "optional": "b"], decoder: JSONDecoder())

        #expect(required == ["needed"])
    }
}
