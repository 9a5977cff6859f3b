import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KakehashiServer
import Testing

/// A signed-in browser driving the pages: GETs HTML, posts forms (fields in order, repeated names allowed)
/// with the session's CSRF token, and reads status, body and redirect.
struct PageBrowser: Sendable {
    let client: any TestClientProtocol
    let browser: TestHub.Browser

    struct Page: Sendable {
        let status: HTTPResponse.Status
        let html: String
        let location: String?
    }

    static func signIn(_ world: ReportingWorld, as username: String) async throws -> PageBrowser {
        PageBrowser(client: world.client, browser: try await world.test.signIn(world.client, as: username))
    }

    func get(_ uri: String) async throws -> Page {
        try await client.execute(uri: uri, method: .get, headers: browser.headers) { Page(status: $0.status, html: String(buffer: $0.body), location: $0.headers[.location]) }
    }

    /// Posts a form; `csrf: false` leaves the token out, as a forged cross-site form would.
    func post(_ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> Page {
        var headers = browser.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let all = (csrf ? [("_csrf", browser.csrf)] : []) + fields
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            Page(status: $0.status, html: String(buffer: $0.body), location: $0.headers[.location])
        }
    }
}

/// Forms of the report's steps, filled as a railway reporter would.
enum ReportSteps {
    static func reporter(contact24x7: Bool = true) -> [(String, String)] {
        [("designations", "jp-critical-infrastructure-operator"), ("sectors", "railway"),
         ("contact_name_0", "CSIRT"), ("contact_email_0", "csirt@sakura-rail.example.jp"), ("contact_phone_0", "+81-3-0000-0000")]
            + (contact24x7 ? [("contact_24x7_0", "on")] : [])
    }

    /// Step 2 with the clock started `hoursAgo` hours ago, local times in Asia/Tokyo.
    static func happened(hoursAgo: Double = 2, narrativeJa: String = "座席予約システムが暗号化された。", techniques: String = "T1486") -> [(String, String)] {
        let aware = ReportFormFields.local(Date().addingTimeInterval(-hoursAgo * 3600), "Asia/Tokyo")
        let detected = ReportFormFields.local(Date().addingTimeInterval(-(hoursAgo + 1) * 3600), "Asia/Tokyo")
        return [("time_zone", "Asia/Tokyo"), ("detected", detected), ("became_aware", aware), ("category", "ransomware"), ("status", "ongoing"),
                ("entry_vector", ""), ("attack_techniques", techniques), ("narrative_ja", narrativeJa), ("narrative_en", "The seat reservation system was encrypted.")]
    }

    static let impact: [(String, String)] = [("service_name_0", "Seat reservation"), ("service_state_0", "down"), ("service_users_0", "12000"), ("actions_taken", "Isolated the servers")]
    static let details: [(String, String)] = [("indicator_type_0", "ipv4"), ("indicator_value_0", "198.51.100.7"), ("indicator_shareable_0", "on")]
    static let sharing: [(String, String)] = [("tlp", "amber"), ("anonymise", "on")]

    /// Files steps 1–5 through the pages; returns the incident id.
    static func fill(_ page: PageBrowser, reporter: [(String, String)] = ReportSteps.reporter(), happened: [(String, String)] = ReportSteps.happened(),
                     impact: [(String, String)] = ReportSteps.impact) async throws -> String {
        let created = try await page.post("/incidents/new", reporter)
        #expect(created.status == .seeOther)
        let location = try #require(created.location)
        let id = String(location.dropFirst("/incidents/".count).prefix(36))
        for (step, fields) in [("happened", happened), ("impact", impact), ("details", details), ("sharing", sharing)] {
            let saved = try await page.post("/incidents/\(id)/steps/\(step)", fields)
            #expect(saved.status == .seeOther, "step \(step): \(saved.html.prefix(300))")
        }
        return id
    }
}
