import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import KakehashiCore
import KakehashiStorage
import Logging
import NIOSSL
import Prometheus
import ServiceLifecycle

/// Builds the hub's HTTP application over an opened, migrated database.
///
/// `kakehashi serve` and the tests both call this, so the tests drive the same app that runs.
public func buildApplication(hub: Hub, logger: Logger) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(hub: hub)
    let configuration = ApplicationConfiguration(
        address: .hostname(hub.configuration.host, port: hub.configuration.port),
        serverName: "Kakehashi"
    )
    let server: HTTPServerBuilder
    if let certificate = hub.configuration.tlsCertificatePath, let key = hub.configuration.tlsKeyPath {
        server = try .tls(.http1(), tlsConfiguration: try TLSSettings.serverConfiguration(certificate: certificate, key: key))
    } else {
        server = .http1()
    }
    let webhooks = WebhookDispatcher(database: hub.database, outbound: hub.configuration.outbound, logger: logger)
    let feeds = AdvisoryFeedFetcher(advisories: hub.advisories, outbound: hub.configuration.outbound, logger: logger)
    var services: [any Service] = [webhooks, feeds]
    if let federation = hub.configuration.federation {
        services.append(FederationService(hub: hub, settings: federation, logger: logger))
    }
    if let mail = hub.configuration.mail {
        services.append(MailDispatcher(database: hub.database, configuration: mail, logger: logger))
        logger.notice("sending the e-mail outbox", metadata: ["smtp.server": "\(mail.displayURL)", "smtp.from": "\(mail.from)"])
    }
    return Application(router: router, server: server, configuration: configuration, services: services, logger: logger)
}

/// Builds the router: middleware first, then one controller per resource.
public func buildRouter(hub: Hub) async throws -> Router<HubRequestContext> {
    let renderer = try await PageRenderer.load()
    let router = Router(context: HubRequestContext.self)
    router.addMiddleware {
        LogRequestsMiddleware(.debug)
        RequestCounterMiddleware(registry: hub.metrics)
        ErrorMiddleware()
        if let directory = PageRenderer.staticDirectory {
            FileMiddleware(directory, urlBasePath: "/static", cacheControl: .init([(.text, [.maxAge(3600)])]), searchForIndexHtml: false)
        }
        AuthenticationMiddleware(hub: hub)
        CSRFMiddleware()
    }
    router.addRoutes(HealthController(hub: hub).endpoints)
    router.addRoutes(SessionController(hub: hub).endpoints, atPath: "/api/v1/session")
    router.addRoutes(MeController().endpoints, atPath: "/api/v1/me")
    router.addRoutes(OrganisationController(hub: hub).endpoints, atPath: "/api/v1/organisations")
    router.addRoutes(UserController(hub: hub).endpoints, atPath: "/api/v1/users")
    router.addRoutes(TokenController(hub: hub).endpoints, atPath: "/api/v1/tokens")
    let reporting = try Reporting(hub: hub)
    router.addRoutes(IncidentController(reporting: reporting).endpoints, atPath: "/api/v1/incidents")
    router.addRoutes(RegimeController(reporting: reporting).endpoints, atPath: "/api/v1/regimes")
    router.addRoutes(AuthorityController(reporting: reporting).endpoints, atPath: "/api/v1/authorities")
    router.addRoutes(WebhookController(reporting: reporting).endpoints, atPath: "/api/v1/webhooks")
    router.addRoutes(OutboxController(reporting: reporting).endpoints, atPath: "/api/v1/outbox")
    router.addRoutes(CollectionExportController(hub: hub).endpoints, atPath: "/api/v1/collections")
    router.addRoutes(CollectionStreamController(hub: hub).endpoints, atPath: "/api/v1/collections")
    router.addRoutes(CollectionObjectController(hub: hub).endpoints, atPath: "/api/v1/collections")
    router.addRoutes(DetectionsController(hub: hub).endpoints, atPath: "/api/v1/collections")
    router.addRoutes(EquipmentController(hub: hub).endpoints, atPath: "/api/v1/equipment")
    router.addRoutes(AdvisoryController(hub: hub).endpoints, atPath: "/api/v1/advisories")
    router.addRoutes(FindingController(hub: hub).endpoints, atPath: "/api/v1/findings")
    let campaigns = CampaignService(hub: hub)
    router.addRoutes(CampaignController(service: campaigns).endpoints, atPath: "/api/v1/campaigns")
    let checklists = try ChecklistService(hub: hub)
    router.addRoutes(ChecklistController(service: checklists).endpoints, atPath: "/api/v1/checklists")
    router.addRoutes(AdvisoryFeedController(hub: hub).endpoints, atPath: "/api/v1/advisory-feeds")
    router.addRoutes(PeerController(hub: hub).endpoints, atPath: "/api/v1/peers")
    router.addRoutes(ExchangeController(hub: hub, validator: STIXValidator.forHub).endpoints, atPath: "/api/v1/federation")
    let consultations = ConsultationService(reporting: reporting)
    let opinions = OpinionService(consultations: consultations)
    router.addRoutes(ConsultationController(service: consultations).endpoints, atPath: "/api/v1/consultations")
    router.addRoutes(OpinionController(service: opinions).objectEndpoints, atPath: "/api/v1/collections")
    router.addRoutes(OpinionController(service: opinions).receivedEndpoints, atPath: "/api/v1/opinions")
    router.addRoutes(try OpenAPIController.load().endpoints)
    router.addRoutes(SignInPagesController(hub: hub, renderer: renderer).endpoints)
    router.addRoutes(DashboardPageController(hub: hub, reporting: reporting, renderer: renderer).endpoints)
    router.addRoutes(IncidentPagesController(reporting: reporting, renderer: renderer).endpoints)
    router.addRoutes(InboxPageController(reporting: reporting, renderer: renderer).endpoints)
    router.addRoutes(TokenPagesController(hub: hub, renderer: renderer).endpoints)
    router.addRoutes(MemberPagesController(hub: hub, renderer: renderer).endpoints)
    router.addRoutes(CollectionPagesController(hub: hub, renderer: renderer, opinions: opinions).endpoints)
    router.addRoutes(ConsultationPagesController(service: consultations, opinions: opinions, renderer: renderer).endpoints)
    router.addRoutes(AuditPageController(hub: hub, renderer: renderer).endpoints)
    router.addRoutes(OutboxPageController(hub: hub, renderer: renderer).endpoints)
    router.addRoutes(StatusBoardPageController(service: campaigns, renderer: renderer).endpoints)
    router.addRoutes(ChecklistPagesController(service: checklists, renderer: renderer).endpoints)
    router.addRoutes(EquipmentPagesController(hub: hub, renderer: renderer).endpoints)
    router.addRoutes(FindingPagesController(hub: hub, renderer: renderer).endpoints)
    router.addRoutes(PeerPagesController(hub: hub, renderer: renderer).endpoints)
    let taxii = router.group("taxii2").add(middleware: TAXIIMiddleware())
    taxii.addRoutes(DiscoveryController(hub: hub).endpoints, atPath: "/")
    taxii.addRoutes(CollectionsController(hub: hub).endpoints, atPath: "/hub/collections")
    taxii.addRoutes(ObjectsController(hub: hub, validator: STIXValidator.forHub).endpoints, atPath: "/hub/collections")
    taxii.addRoutes(StatusController(hub: hub).endpoints, atPath: "/hub/status")
    return router
}

/// Reading the hub's certificate and key for HTTPS.
enum TLSSettings {
    static func serverConfiguration(certificate: String, key: String) throws -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(privateKey))
        } catch {
            throw APIError(.internalServerError, code: "tls", "cannot load the TLS certificate \(certificate) or key \(key): \(error)")
        }
    }
}
