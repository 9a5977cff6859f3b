import KakehashiCore
import KakehashiStorage

/// What the layout of every signed-in page reads (`{{frame.principal…}}`, `{{frame.csrf}}`): who is signed in
/// and the session's form token. Every signed-in page's model embeds it as `frame`.
struct PageFrame: Encodable, Sendable, Equatable {
    /// The signed-in member as the header shows them, and which menu entries they get.
    struct Viewer: Encodable, Sendable, Equatable {
        let displayName: String
        let organisationName: String
        let overseer: Bool
        let inbox: Bool
        let admin: Bool
        let hubAdmin: Bool
    }

    let principal: Viewer
    /// The token every form post of the session carries.
    let csrf: String
}

extension PageSession {
    /// The frame of every signed-in page.
    var frame: PageFrame {
        PageFrame(
            principal: .init(
                displayName: principal.user.displayName,
                organisationName: language == "ja" ? principal.organisation.nameJa : principal.organisation.nameEn,
                overseer: principal.isAuditOverseer,
                inbox: principal.receivesReports,
                admin: principal.allows(.admin),
                hubAdmin: principal.allows(.admin) && principal.isHubAdministrator),
            csrf: session.csrfToken)
    }
}
