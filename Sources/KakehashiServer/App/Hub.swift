import Foundation
import KakehashiCore
import KakehashiStorage
import Logging
import Prometheus

/// The hub's shared services, built once and handed to every controller.
public struct Hub: Sendable {
    public let configuration: HubConfiguration
    public let database: HubDatabase
    public let organisations: OrganisationRepository
    public let users: UserRepository
    public let tokens: TokenRepository
    public let sessions: SessionRepository
    public let throttle: SignInThrottle
    public let audit: AuditLog
    public let collections: CollectionRepository
    public let objects: STIXObjectRepository
    public let statuses: TAXIIStatusRepository
    public let passwords: PasswordHasher
    public let advisories: AdvisoryService
    public let notificationAddresses: NotificationAddressBook
    public let campaigns: CampaignRepository
    /// Declared federation peers and where each exchange stands.
    public let peers: PeerRepository
    /// The hub's own id and signing key, as its peers know it.
    public let identity: HubIdentityRepository
    /// What federation stores and reads: received versions with provenance, outbound pages, cursors.
    public let federation: FederationRepository
    public let metrics: PrometheusCollectorRegistry
    /// Wakes the collection stream's subscribers when a commit (in this or another hub process) adds objects.
    public let commits: STIXCommitSignal

    public init(configuration: HubConfiguration, database: HubDatabase, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
                logger: Logger = Logger(label: "kakehashi.hub")) {
        self.configuration = configuration
        self.database = database
        self.organisations = OrganisationRepository(database: database)
        self.users = UserRepository(database: database)
        self.tokens = TokenRepository(database: database)
        self.sessions = SessionRepository(database: database)
        self.throttle = SignInThrottle(database: database)
        self.audit = AuditLog(database: database)
        self.collections = CollectionRepository(database: database)
        self.commits = STIXCommitSignal(database: database, logger: logger)
        self.objects = STIXObjectRepository(database: database, signal: commits)
        self.statuses = TAXIIStatusRepository(database: database)
        self.passwords = PasswordHasher(cost: configuration.bcryptCost)
        self.advisories = AdvisoryService(database: database, organisations: organisations)
        self.notificationAddresses = NotificationAddressBook(database: database)
        self.campaigns = CampaignRepository(database: database)
        self.peers = PeerRepository(database: database)
        self.identity = HubIdentityRepository(database: database)
        self.federation = FederationRepository(database: database, objects: objects)
        self.metrics = metrics
    }
}
