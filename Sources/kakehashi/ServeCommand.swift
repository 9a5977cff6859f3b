import ArgumentParser
import Foundation
import Hummingbird
import KakehashiServer
import KakehashiStorage
import Metrics
import Prometheus

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

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        for path in [tlsCert, tlsKey, regimes].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read \(path)")
        }
    }

    func run() async throws {
        let logger = options.makeLogger()
        let configuration = HubConfiguration(host: host, port: port, tlsCertificatePath: tlsCert, tlsKeyPath: tlsKey, regimesPath: regimes)
        try await options.withHub(configuration: configuration, logger: logger) { hub in
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: hub.metrics))
            if demo {
                let credentials = try await DemoWorld.seed(hub: hub, logger: logger)
                printDemoBanner(credentials)
            }
            let app = try await buildApplication(hub: hub, logger: logger)
            logger.notice("Kakehashi is listening", metadata: ["http.address": "\(configuration.servesTLS ? "https" : "http")://\(host):\(port)", "db": "\(hub.database.location)"])
            try await app.runService()
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
