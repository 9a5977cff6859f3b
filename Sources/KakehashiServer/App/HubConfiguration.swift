import Foundation
import KakehashiStorage

/// Everything `kakehashi serve` can be told.
public struct HubConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// PEM files; with both set the hub serves HTTPS itself.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// bcrypt cost for new password hashes (tests lower it to stay fast).
    public var bcryptCost: UInt8
    /// How long a browser session lasts without signing in again.
    public var sessionLifetime: TimeInterval
    /// The name the hub gives itself in TAXII discovery and pages.
    public var title: String
    /// The regime catalogue to start with; `nil` looks for `config/regimes.json` in the working
    /// directory, then for the copy bundled with the server. Hub administrators may replace it later.
    public var regimesPath: String?
    /// Where to send the e-mail outbox; `nil` keeps the mail in the outbox for administrators to read.
    public var mail: SMTPConfiguration?
    /// Which addresses webhooks and advisory feeds may call (public ones only, unless ranges are allowed).
    public var outbound: OutboundPolicy
    /// How the hub exchanges with its declared peers; `nil` runs no federation service (tests that drive exchanges themselves).
    public var federation: FederationSettings?
    /// How long a collection stream's subscriber waits for a commit's wake-up before it reads anyway, in case a
    /// notification was lost (tests make it long, to prove that events are pushed).
    public var streamSafetyPoll: Duration = .seconds(10)

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseLocation = .defaultLocation,
        tlsCertificatePath: String? = nil,
        tlsKeyPath: String? = nil,
        bcryptCost: UInt8 = 12,
        sessionLifetime: TimeInterval = 8 * 3600,
        title: String = "Kakehashi 架け橋",
        regimesPath: String? = nil,
        mail: SMTPConfiguration? = nil,
        outbound: OutboundPolicy = .publicOnly,
        federation: FederationSettings? = FederationSettings()
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.title = title
        self.regimesPath = regimesPath
        self.mail = mail
        self.outbound = outbound
        self.federation = federation
    }

    /// Whether the hub itself terminates TLS (and so marks cookies `Secure`).
    public var servesTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }
}
