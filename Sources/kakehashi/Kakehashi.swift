import ArgumentParser

/// The `kakehashi` command: runs the hub and administers it.
@main
struct Kakehashi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kakehashi",
        abstract: "Kakehashi (架け橋): threat sharing and incident reporting for critical infrastructure.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, OrgCommand.self, UserCommand.self,
            TokenCommand.self, AuditCommand.self, CollectionCommand.self, PeerCommand.self, AuthorityCommand.self, HuntCommand.self,
            AdvisoriesCommand.self, EquipmentCommand.self, DetectionsCommand.self,
        ]
    )
}
