import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct HealthControllerTests {
    @Test(arguments: TestEngine.allCases) func healthReportsTheDatabase(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { _, client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))
                #expect(json == ["status": "ok", "database": "reachable", "engine": engine.rawValue])
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func metricsCountRequests(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { _, client in
            try await client.execute(uri: "/nowhere", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(text.contains(#"kakehashi_http_requests_total{method="GET",status="404"} 1"#))
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func unknownRouteIsJSON404(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { _, client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response) == "not-found")
            }
        }
    }
}
