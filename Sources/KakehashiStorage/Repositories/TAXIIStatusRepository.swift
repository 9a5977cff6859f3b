import Foundation
import SQLKit

/// Keeps the status resource of every posted envelope, readable by the organisation that posted it.
public struct TAXIIStatusRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Stores a status body (its JSON text).
    public func save(id: UUID, collectionID: UUID, organisationID: UUID, requestTimestamp: Date, body: String) async throws {
        try await database.transaction { db in
            try await db.insert(into: "taxii_statuses").columns("id", "collection_id", "organisation_id", "request_timestamp", "body")
                .values(SQLBind(id.dbText), SQLBind(collectionID.dbText), SQLBind(organisationID.dbText), SQLBind(requestTimestamp.micros), SQLBind(body))
                .run()
        }
    }

    /// The status body, if the status exists and belongs to `organisationID`.
    public func find(id: UUID, organisationID: UUID) async throws -> String? {
        try await database.read { db in
            try await db.select().column("body").from("taxii_statuses")
                .where("id", .equal, id.dbText).where("organisation_id", .equal, organisationID.dbText)
                .first()?.decode(column: "body", as: String.self)
        }
    }
}
