import KakehashiCore

extension Principal {
    /// Administrators of the national center or an ISAC run the hub and may manage every member.
    var isHubAdministrator: Bool {
        user.role == .admin && [.nationalCenter, .isac].contains(organisation.kind)
    }
}
