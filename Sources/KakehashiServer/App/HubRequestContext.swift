import Hummingbird
import HummingbirdAuth
import KakehashiCore
import KakehashiStorage
import NIOCore
import Foundation

/// The per-request context: who is asking (if anyone), through which browser session, from where.
public struct HubRequestContext: AuthRequestContext, RemoteAddressRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated principal; set by ``AuthenticationMiddleware``.
    public var identity: Principal?
    /// The browser session behind the request, when it came with the session cookie.
    public var session: BrowserSession?
    /// Why the credential the request carried was refused, if it was.
    public var authenticationError: APIError?
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.session = nil
        self.authenticationError = nil
        self.remoteAddress = source.channel.remoteAddress
    }

    /// JSON answers: ISO 8601 times, sorted keys, unescaped slashes.
    public var responseEncoder: JSONEncoder { HubJSON.encoder }
    /// JSON requests: ISO 8601 times; a body that does not decode is a 400 naming the field at fault.
    public var requestDecoder: HubRequestDecoder { HubRequestDecoder() }

    /// The largest request body the hub reads (TAXII announces the same as `max_content_length`).
    public var maxUploadSize: Int { HubLimits.maxBodyBytes }

    /// The client's IP address as text, for the audit log and sign-in throttling.
    public var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }

    /// The principal, or a 401 that says how to authenticate.
    public func requirePrincipal() throws -> Principal {
        if let authenticationError { throw authenticationError }
        guard let identity else {
            throw APIError(.unauthorized, code: "unauthenticated", "sign in, or send an API token as a Bearer token or as the password of HTTP Basic authentication")
        }
        return identity
    }

    /// The principal, if it may act with `scope`; otherwise 401 or 403 saying what is missing.
    public func require(_ scope: TokenScope) throws -> Principal {
        let principal = try requirePrincipal()
        guard principal.allows(scope) else {
            if let scopes = principal.tokenScopes, !scopes.contains(scope) {
                throw APIError(.forbidden, code: "insufficient-scope", "this API token lacks the '\(scope.rawValue)' scope")
            }
            throw APIError(.forbidden, code: "insufficient-role", "the role '\(principal.user.role.rawValue)' may not do this (needs '\(scope.rawValue)' rights)")
        }
        return principal
    }
}

/// Limits that protect the hub from oversized input.
public enum HubLimits {
    /// 16 MiB: room for a TAXII envelope of many thousands of indicators.
    public static let maxBodyBytes = 16 * 1024 * 1024
}

/// The JSON coders of the REST API.
enum HubJSON {
    static let encoder = JSONEncoder.hub()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
