import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KakehashiServer
import Testing

@Suite struct TAXIIDiscoveryTests {
    @Test(arguments: TestEngine.allCases) func discoveryAndAPIRoot(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let (status, discovery, headers) = try await taxii.get(client, "/taxii2/", as: "railway")
            #expect(status == .ok && headers[.contentType] == TAXIIMediaType.taxii)
            #expect((discovery["api_roots"] as? [String])?.first?.hasSuffix("/taxii2/hub/") == true)
            let (_, root, _) = try await taxii.get(client, "/taxii2/hub/", as: "railway")
            #expect(root["versions"] as? [String] == [TAXIIMediaType.taxii])
            #expect(root["max_content_length"] as? Int == HubLimits.maxBodyBytes)
        }
    }

    @Test(arguments: TestEngine.allCases) func collectionsShowWhatEachMemberMayDo(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let (_, forAirport, _) = try await taxii.get(client, "/taxii2/hub/collections/", as: "airport")
            let collection = try #require((forAirport["collections"] as? [[String: Any]])?.first)
            #expect(collection["can_read"] as? Bool == true && collection["can_write"] as? Bool == false)
            #expect(collection["media_types"] as? [String] == [TAXIIMediaType.stix])
            let (_, forOutsider, _) = try await taxii.get(client, "/taxii2/hub/collections/", as: "outsider")
            #expect(forOutsider["collections"] == nil, "an outsider sees no collection")
            let (status, _, _) = try await taxii.get(client, "/taxii2/hub/collections/\(taxii.collection.id.uuidString.lowercased())/", as: "outsider")
            #expect(status == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func mediaTypesAreEnforced(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            var headers = taxii.headers("railway")
            headers[.accept] = "application/xml"
            try await client.execute(uri: "/taxii2/hub/collections/", method: .get, headers: headers) { response in
                #expect(response.status == .notAcceptable)
                #expect(response.headers[.contentType] == TAXIIMediaType.taxii)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["title"] as? String == "Not acceptable" && body?["http_status"] as? String == "406")
            }
            var post = taxii.headers("railway")
            post[.contentType] = "application/json"
            try await client.execute(uri: taxii.objectsPath, method: .post, headers: post, body: ByteBuffer(string: #"{"objects": []}"#)) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.headers[.contentType] == TAXIIMediaType.taxii)
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func unauthenticatedGetsATAXII401(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { _, client in
            try await client.execute(uri: "/taxii2/hub/collections/", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
                #expect(response.headers[.contentType] == TAXIIMediaType.taxii)
            }
        }
    }
}
