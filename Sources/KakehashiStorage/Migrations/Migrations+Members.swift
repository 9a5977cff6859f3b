import SQLKit

extension Migrations {
    /// Organisations, users, API tokens, browser sessions and failed sign-ins.
    static let membersSchema = Migration(version: 1, name: "members") { db, _ in
        try await db.create(table: "organisations")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name_ja", type: .text, .notNull)
            .column("name_en", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("sectors", type: .text, .notNull)
            .column("isac_tier", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "organisations_name_en").unique().on("organisations").column("name_en").run()

        try await db.create(table: "users")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull, .references("organisations", "id"))
            .column("username", type: .text, .notNull)
            .column("display_name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("locale", type: .text, .notNull)
            .column("time_zone", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("disabled", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "users_username").unique().on("users").column("username").run()

        try await db.create(table: "api_tokens")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id"))
            .column("name", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull)
            .column("prefix", type: .text, .notNull)
            .column("scopes", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint)
            .column("revoked_at", type: .bigint)
            .run()
        try await db.create(index: "api_tokens_hash").unique().on("api_tokens").column("token_hash").run()

        try await db.create(table: "sessions")
            .column("id_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id"))
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()

        try await db.create(table: "signin_failures")
            .column("key", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "signin_failures_key_at").on("signin_failures").column("key").column("at").run()
    }
}
