import AsyncHTTPClient
import Foundation
import KakehashiCore
import NIOCore
import NIOHTTP1

/// A TAXII 2.1 client for a Kakehashi hub, used by `kakehashi hunt`: it fetches a collection's
/// indicators and posts sightings back. Only what the caller hands it leaves the machine.
public struct HubTAXIIClient: Sendable {
    public let baseURL: String
    public let collectionID: String
    let token: String

    /// A client for `collection` on `hub`, with the API token read from `tokenFile`.
    /// - Throws: ``HubClientError`` when the token file cannot be read or is empty.
    public init(hub: String, collection: String, tokenFile: String) throws {
        self.baseURL = hub.hasSuffix("/") ? String(hub.dropLast()) : hub
        self.collectionID = collection
        self.token = try HubClientError.readToken(from: tokenFile)
    }

    var objectsURL: String { "\(baseURL)/taxii2/hub/collections/\(collectionID)/objects/" }

    /// Every indicator of the collection (latest versions), as the JSON text of a STIX bundle.
    public func downloadIndicators() async throws -> String {
        var objects: [String] = []
        var next: String?
        repeat {
            var url = objectsURL + "?match%5Btype%5D=indicator&limit=10000"
            if let next { url += "&next=\(next)" }
            let (status, body) = try await send(url: url, method: .GET, body: nil)
            guard status == 200 else { throw HubClientError("the hub answered \(status) for the indicators: \(body.prefix(300))") }
            let envelope = try JSONValue.parse(body)
            for object in envelope["objects"]?.arrayValue ?? [] { objects.append(object.serialized()) }
            next = envelope["more"]?.boolValue == true ? envelope["next"]?.stringValue : nil
        } while next != nil
        return #"{"type":"bundle","id":"bundle--\#(UUID().uuidString.lowercased())","objects":[\#(objects.joined(separator: ","))]}"#
    }

    /// Posts the objects of a sightings bundle to the collection.
    /// - Returns: how many the hub stored.
    /// - Throws: ``HubClientError`` naming what the hub refused.
    @discardableResult
    public func postBundle(_ bundleJSON: String) async throws -> Int {
        let bundle = try JSONValue.parse(bundleJSON)
        let envelope: JSONValue = ["objects": .array(bundle["objects"]?.arrayValue ?? [])]
        let (status, body) = try await send(url: objectsURL, method: .POST, body: envelope.serialized())
        guard status == 202 else { throw HubClientError("the hub answered \(status) to the sightings: \(body.prefix(300))") }
        let result = try JSONValue.parse(body)
        if let failures = result["failures"]?.arrayValue, !failures.isEmpty {
            throw HubClientError("the hub refused \(failures.count) object(s): \(failures.first?.serialized().prefix(300) ?? "")")
        }
        return Int(result["success_count"]?.int64Value ?? 0)
    }

    private func send(url: String, method: HTTPMethod, body: String?) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/taxii+json;version=2.1")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/taxii+json;version=2.1")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 512 * 1024 * 1024)
        return (Int(response.status.code), String(buffer: bytes))
    }
}

/// Something went wrong talking to the hub; says what.
public struct HubClientError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }

    /// The API token in `file` (its text, trimmed), for the clients the commands run.
    /// - Throws: ``HubClientError`` when the file cannot be read or is empty.
    static func readToken(from file: String) throws -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw HubClientError("cannot read the token file \(file)") }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw HubClientError("the token file \(file) is empty") }
        return token
    }
}
