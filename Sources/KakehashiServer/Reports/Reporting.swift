import Foundation
import KakehashiCore
import KakehashiStorage

/// The services behind incident reporting, built once with the router.
struct Reporting: Sendable {
    let hub: Hub
    let incidents: IncidentRepository
    let authorities: AuthorityDirectory
    let regimes: RegimeSource
    let webhooks: WebhookRepository
    let outbox: EmailOutbox

    /// Builds the services and reads the start regime catalogue.
    init(hub: Hub) throws {
        self.hub = hub
        incidents = IncidentRepository(database: hub.database)
        authorities = AuthorityDirectory(database: hub.database)
        regimes = try RegimeSource.load(configuredPath: hub.configuration.regimesPath, store: RegimeCatalogueStore(database: hub.database))
        webhooks = WebhookRepository(database: hub.database)
        outbox = EmailOutbox(database: hub.database)
    }
}
