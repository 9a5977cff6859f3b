import Foundation

/// Who is making a request: a signed-in user, or a user acting through an API token.
public struct Principal: Sendable, Equatable {
    public var user: User
    public var organisation: Organisation
    /// The token's scopes when the request came with a token; `nil` for a browser session (all of the role's rights).
    public var tokenScopes: Set<TokenScope>?
    public var tokenID: UUID?

    public init(user: User, organisation: Organisation, tokenScopes: Set<TokenScope>? = nil, tokenID: UUID? = nil) {
        self.user = user
        self.organisation = organisation
        self.tokenScopes = tokenScopes
        self.tokenID = tokenID
    }

    /// Whether this principal may act with `scope`: the token (if any) must carry it and the role must allow it.
    public func allows(_ scope: TokenScope) -> Bool {
        if let tokenScopes, !tokenScopes.contains(scope) { return false }
        switch scope {
        case .read: return true
        case .write: return user.role.canShare
        case .report: return user.role.canReport
        case .admin: return user.role == .admin
        }
    }
}
