import SQLKit

extension Migrations {
    /// Organisations, users, API tokens, browser sessions and failed sign-ins.
    static let membersSchema = Migration(version: 1, name: "members") { db, _ in
        try await db.create(table: Schema.Organisations.table)
            .column(Schema.Organisations.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.Organisations.nameJa, type: .text, .notNull)
            .column(Schema.Organisations.nameEn, type: .text, .notNull)
            .column(Schema.Organisations.kind, type: .text, .notNull)
            .column(Schema.Organisations.sectors, type: .text, .notNull)
            .column(Schema.Organisations.isacTier, type: .text)
            .column(Schema.Organisations.createdAt, type: .bigint, .notNull)
            .run()
        try await db.create(index: "organisations_name_en").unique().on(Schema.Organisations.table).column(Schema.Organisations.nameEn).run()

        try await db.create(table: Schema.Users.table)
            .column(Schema.Users.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.Users.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.Users.username, type: .text, .notNull)
            .column(Schema.Users.displayName, type: .text, .notNull)
            .column(Schema.Users.role, type: .text, .notNull)
            .column(Schema.Users.locale, type: .text, .notNull)
            .column(Schema.Users.timeZone, type: .text, .notNull)
            .column(Schema.Users.passwordHash, type: .text, .notNull)
            .column(Schema.Users.disabled, type: .bigint, .notNull)
            .column(Schema.Users.createdAt, type: .bigint, .notNull)
            .run()
        try await db.create(index: "users_username").unique().on(Schema.Users.table).column(Schema.Users.username).run()

        try await db.create(table: Schema.APITokens.table)
            .column(Schema.APITokens.id, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.APITokens.userID, type: .text, .notNull, .references(Schema.Users.table, Schema.Users.id))
            .column(Schema.APITokens.name, type: .text, .notNull)
            .column(Schema.APITokens.tokenHash, type: .text, .notNull)
            .column(Schema.APITokens.prefix, type: .text, .notNull)
            .column(Schema.APITokens.scopes, type: .text, .notNull)
            .column(Schema.APITokens.createdAt, type: .bigint, .notNull)
            .column(Schema.APITokens.expiresAt, type: .bigint)
            .column(Schema.APITokens.revokedAt, type: .bigint)
            .run()
        try await db.create(index: "api_tokens_hash").unique().on(Schema.APITokens.table).column(Schema.APITokens.tokenHash).run()

        try await db.create(table: Schema.Sessions.table)
            .column(Schema.Sessions.idHash, type: .text, .primaryKey(autoIncrement: false))
            .column(Schema.Sessions.userID, type: .text, .notNull, .references(Schema.Users.table, Schema.Users.id))
            .column(Schema.Sessions.csrfToken, type: .text, .notNull)
            .column(Schema.Sessions.createdAt, type: .bigint, .notNull)
            .column(Schema.Sessions.expiresAt, type: .bigint, .notNull)
            .run()

        try await db.create(table: Schema.SigninFailures.table)
            .column(Schema.SigninFailures.key, type: .text, .notNull)
            .column(Schema.SigninFailures.at, type: .bigint, .notNull)
            .run()
        try await db.create(index: "signin_failures_key_at").on(Schema.SigninFailures.table).column(Schema.SigninFailures.key).column(Schema.SigninFailures.at).run()
    }
}
