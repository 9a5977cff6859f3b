// Tables and columns of organisations, users, tokens, sessions and failed sign-ins.
import SQLKit

extension Schema {
    /// `organisations`: member organisations.
    enum Organisations {
        static let table = SQLIdentifier("organisations")
        static let id = SQLIdentifier("id")
        static let nameJa = SQLIdentifier("name_ja")
        static let nameEn = SQLIdentifier("name_en")
        static let kind = SQLIdentifier("kind")
        static let sectors = SQLIdentifier("sectors")
        static let isacTier = SQLIdentifier("isac_tier")
        static let createdAt = SQLIdentifier("created_at")
    }

    /// `users`: users, each in one organisation.
    enum Users {
        static let table = SQLIdentifier("users")
        static let id = SQLIdentifier("id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let username = SQLIdentifier("username")
        static let displayName = SQLIdentifier("display_name")
        static let role = SQLIdentifier("role")
        static let locale = SQLIdentifier("locale")
        static let timeZone = SQLIdentifier("time_zone")
        static let passwordHash = SQLIdentifier("password_hash")
        static let disabled = SQLIdentifier("disabled")
        static let createdAt = SQLIdentifier("created_at")
    }

    /// `api_tokens`: API tokens, kept by hash.
    enum APITokens {
        static let table = SQLIdentifier("api_tokens")
        static let id = SQLIdentifier("id")
        static let userID = SQLIdentifier("user_id")
        static let name = SQLIdentifier("name")
        static let tokenHash = SQLIdentifier("token_hash")
        static let prefix = SQLIdentifier("prefix")
        static let scopes = SQLIdentifier("scopes")
        static let createdAt = SQLIdentifier("created_at")
        static let expiresAt = SQLIdentifier("expires_at")
        static let revokedAt = SQLIdentifier("revoked_at")
    }

    /// `sessions`: browser sessions, kept by the hash of their id.
    enum Sessions {
        static let table = SQLIdentifier("sessions")
        static let idHash = SQLIdentifier("id_hash")
        static let userID = SQLIdentifier("user_id")
        static let csrfToken = SQLIdentifier("csrf_token")
        static let createdAt = SQLIdentifier("created_at")
        static let expiresAt = SQLIdentifier("expires_at")
    }

    /// `signin_failures`: failed sign-ins, for throttling.
    enum SigninFailures {
        static let table = SQLIdentifier("signin_failures")
        static let key = SQLIdentifier("key")
        static let at = SQLIdentifier("at")
    }
}
