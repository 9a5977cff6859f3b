import ArgumentParser
import Foundation
import Hummingbird
import KakehashiServer
import KakehashiStorage
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// `kakehashi serve`: runs the hub.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the hub (HTTP, or HTTPS with --tls-cert and --tls-key).")

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain; with --tls-key the hub serves HTTPS.") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key for --tls-cert.") var tlsKey: String?
    @Option(help: "Regime catalogue (JSON) to start with; default config/regimes.json here, else the bundled one.") var regimes: String?
    @Flag(help: "Seed a demo world (once) and print how to sign in.") var demo = false
    @Option(name: .customLong("smtp-url"), help: "Send the e-mail outbox: smtp://host:587 (STARTTLS), smtps://host:465 or smtp+plain://host:25.") var smtpURL: String?
    @Option(name: .customLong("smtp-from"), help: "Sender address of the hub's e-mail, e.g. hub@example.jp.") var smtpFrom: String?
    @Option(name: .customLong("smtp-user"), help: "SMTP user; the password comes from --smtp-password-file or KAKEHASHI_SMTP_PASSWORD.") var smtpUser: String?
    @Option(name: .customLong("outbound-allow"), parsing: .singleValue,
            help: "An internal address range (CIDR) that webhooks and advisory feeds may call; repeat for more. By default only public addresses.")
    var outboundAllow: [String] = []
    @Option(name: .customLong("smtp-password-file"), help: "File holding the SMTP password (its first line).") var smtpPasswordFile: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        for path in [tlsCert, tlsKey, regimes, smtpPasswordFile].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read \(path)")
        }
        _ = try mailConfiguration()
    }

    /// The SMTP settings, or `nil` without `--smtp-url` (the mail then stays in the outbox).
    func mailConfiguration() throws -> SMTPConfiguration? {
        guard let smtpURL else {
            if smtpFrom != nil || smtpUser != nil || smtpPasswordFile != nil { throw ValidationError("--smtp-from, --smtp-user and --smtp-password-file need --smtp-url") }
            return nil
        }
        guard let smtpFrom else { throw ValidationError("--smtp-url needs --smtp-from, the hub's sender address") }
        var credentials: SMTPConfiguration.Credentials?
        if let smtpUser {
            credentials = .init(user: smtpUser, password: try smtpPassword())
        } else if smtpPasswordFile != nil {
            throw ValidationError("--smtp-password-file needs --smtp-user")
        }
        do {
            return try SMTPConfiguration(url: smtpURL, from: smtpFrom, credentials: credentials)
        } catch let error as SMTPConfigurationError {
            throw ValidationError(error.message)
        }
    }

    /// The first line of `--smtp-password-file`, else `KAKEHASHI_SMTP_PASSWORD`; never a command-line argument.
    func smtpPassword() throws -> String {
        if let smtpPasswordFile {
            guard let text = try? String(contentsOfFile: smtpPasswordFile, encoding: .utf8) else { throw ValidationError("cannot read \(smtpPasswordFile)") }
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !line.isEmpty else { throw ValidationError("\(smtpPasswordFile) holds no password") }
            return line
        }
        guard let password = ProcessInfo.processInfo.environment["KAKEHASHI_SMTP_PASSWORD"], !password.isEmpty else {
            throw ValidationError("--smtp-user needs a password: --smtp-password-file FILE or the environment variable KAKEHASHI_SMTP_PASSWORD")
        }
        return password
    }

    private func outboundPolicy() throws -> OutboundPolicy {
        // The demo's second hub is on this machine's loopback, and its peer declarations call it there.
        let demoPeer = demo ? ["127.0.0.1/32"] : []
        do {
            return OutboundPolicy(allowing: try (outboundAllow + demoPeer).map { text throws(IPNetworkError) in try IPNetwork(text) })
        } catch {
            throw ValidationError("--outbound-allow \(error)")
        }
    }

    func run() async throws {
        let logger = options.makeLogger()
        let configuration = HubConfiguration(host: host, port: port, tlsCertificatePath: tlsCert, tlsKeyPath: tlsKey, regimesPath: regimes,
                                             mail: try mailConfiguration(), outbound: try outboundPolicy())
        try await options.withHub(configuration: configuration, logger: logger) { hub in
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: hub.metrics))
            let credentials = demo ? try await DemoWorld.seed(hub: hub, logger: logger) : []
            let app = try await buildApplication(hub: hub, logger: logger)
            logger.notice("Kakehashi is listening", metadata: ["http.address": "\(configuration.servesTLS ? "https" : "http")://\(host):\(port)", "db": "\(hub.database.location)"])
            guard demo else {
                try await app.runService()
                return
            }
            try await withDemoPeerHub(beside: hub, configuration: configuration, logger: logger) { peerApp in
                printDemoBanner(credentials)
                let group = ServiceGroup(configuration: .init(services: [app, peerApp], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
            }
        }
    }

    /// The demo's second hub, the Financial ISAC's own Kakehashi: its own SQLite file beside the main one (or in
    /// ./kakehashi-data/ when the main hub runs on PostgreSQL), on the next port, declared as the main hub's peer.
    private func withDemoPeerHub(beside hub: Hub, configuration: HubConfiguration, logger: Logger,
                                 _ body: (any Service) async throws -> Void) async throws {
        let folder: String
        if case .sqlite(let path) = configuration.database {
            folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        } else {
            folder = "./kakehashi-data"
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var peerConfiguration = configuration
        peerConfiguration.port = port + 1
        peerConfiguration.tlsCertificatePath = nil
        peerConfiguration.tlsKeyPath = nil
        peerConfiguration.mail = nil
        peerConfiguration.title = "金融ISAC Kakehashi (demo peer)"
        peerConfiguration.database = .sqlite(path: folder + "/financial-isac-demo.sqlite")
        let peerLogger = Logger(label: logger.label + ".financial-isac")
        let database = try await HubDatabase.open(peerConfiguration.database, logger: peerLogger)
        do {
            try await Migrator().migrate(database, logger: peerLogger)
            let peerHub = Hub(configuration: peerConfiguration, database: database)
            let scheme = configuration.servesTLS ? "https" : "http"
            let plan = DemoWorld.PeerHubPlan(mainURL: "\(scheme)://\(host):\(port)", peerURL: "http://\(host):\(port + 1)", credentialFolder: folder)
            try await DemoWorld.seedFederation(main: hub, peer: peerHub, plan: plan, logger: logger)
            let peerApp = try await buildApplication(hub: peerHub, logger: peerLogger)
            logger.notice("the demo's Financial ISAC hub is listening", metadata: ["http.address": "\(plan.peerURL)", "db": "\(database.location)"])
            try await body(peerApp)
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }

    private func printDemoBanner(_ credentials: [DemoWorld.Credential]) {
        let scheme = tlsCert == nil ? "http" : "https"
        var text = """
        Kakehashi demo: open \(scheme)://\(host):\(port)/ and sign in as one of these users.
        The passwords are new at every --demo start and are shown only here.

        """
        for credential in credentials {
            let padded = credential.username.padding(toLength: 14, withPad: " ", startingAt: 0)
            text += "  \(padded) \(credential.password)   \(credential.role.rawValue) at \(credential.organisation)\n"
        }
        // Written unbuffered, so it shows at once even when standard output is a pipe.
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
