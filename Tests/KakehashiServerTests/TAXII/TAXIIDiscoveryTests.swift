import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KakehashiServer
import Testing

@Suite struct TAXIIDiscoveryTests {
    @Test(arguments: TestEngine.allCases) func discoveryAndAPIRoot(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let reply = try await taxii.get(client, "/taxii2/", as: "railway")
            #expect(reply.status == .ok && reply.headers[.contentType] == TAXIIMediaType.taxii)
            #expect(try reply.decode(TAXIIDiscovery.self).apiRoots?.first?.hasSuffix("/taxii2/hub/") == true)
            let root = try await taxii.get(client, "/taxii2/hub/", as: "railway").decode(TAXIIAPIRoot.self)
            #expect(root.versions == [TAXIIMediaType.taxii])
            #expect(root.maxContentLength == HubLimits.maxBodyBytes)
        }
    }

    @Test(arguments: TestEngine.allCases) func collectionsShowWhatEachMemberMayDo(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let forAirport = try await taxii.get(client, "/taxii2/hub/collections/", as: "airport").decode(TAXIICollections.self)
            let collection = try #require(forAirport.collections?.first)
            #expect(collection.canRead == true && collection.canWrite == false)
            #expect(collection.mediaTypes == [TAXIIMediaType.stix])
            let forOutsider = try await taxii.get(client, "/taxii2/hub/collections/", as: "outsider")
            #expect(try !forOutsider.memberNames().contains("collections"), "an outsider sees no collection")
            let single = try await taxii.get(client, "/taxii2/hub/collections/\(taxii.collection.id.uuidString.lowercased())/", as: "outsider")
            #expect(single.status == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func mediaTypesAreEnforced(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            var headers = taxii.headers("railway")
            headers[.accept] = "application/xml"
            try await client.execute(uri: "/taxii2/hub/collections/", method: .get, headers: headers) { response in
                #expect(response.status == .notAcceptable)
                #expect(response.headers[.contentType] == TAXIIMediaType.taxii)
                let body = try decode(TAXIIErrorMessage.self, from: response)
                #expect(body.title == "Not acceptable" && body.httpStatus == "406")
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
