import Foundation
import SQLKit

/// Keeps the status resource of every posted envelope, readable by the organisation that posted it.
public struct TAXIIStatusRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Stores a status inside the caller's transaction (the post's own, so one commit covers both).
    static func insert(_ status: TAXIIStatusRecord, collectionID: UUID, on db: any SQLDatabase) async throws {
        try await db.insert(into: Schema.TAXIIStatuses.table).columns(Schema.TAXIIStatuses.id, Schema.TAXIIStatuses.collectionID, Schema.TAXIIStatuses.organisationID, Schema.TAXIIStatuses.requestTimestamp, Schema.TAXIIStatuses.body)
            .values(SQLBind(status.id.dbText), SQLBind(collectionID.dbText), SQLBind(status.organisationID.dbText),
                    SQLBind(status.requestTimestamp.micros), SQLBind(status.body))
            .run()
    }

    /// The status body, if the status exists and belongs to `organisationID`.
    public func find(id: UUID, organisationID: UUID) async throws -> String? {
        try await database.read { db in
            try await db.select().column(Schema.TAXIIStatuses.body).from(Schema.TAXIIStatuses.table)
                .where(Schema.TAXIIStatuses.id, .equal, id.dbText).where(Schema.TAXIIStatuses.organisationID, .equal, organisationID.dbText)
                .first()?.decode(column: Schema.TAXIIStatuses.body, as: String.self)
        }
    }
}

/// The status resource of one posted envelope, as stored.
public struct TAXIIStatusRecord: Sendable {
    public var id: UUID
    public var organisationID: UUID
    public var requestTimestamp: Date
    /// The status resource's JSON text.
    public var body: String

    public init(id: UUID, organisationID: UUID, requestTimestamp: Date, body: String) {
        self.id = id
        self.organisationID = organisationID
        self.requestTimestamp = requestTimestamp
        self.body = body
    }
}
