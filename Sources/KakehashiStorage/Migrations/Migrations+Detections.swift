import SQLKit

extension Migrations {
    /// Detection packs: the Suricata SIDs allocated per organisation and range. A SID is unique per
    /// organisation across all its ranges, so overlapping ranges cannot hand one SID out twice.
    static let detectionsSchema = Migration(version: 11, name: "detections") { db, _ in
        try await db.create(table: Schema.DetectionSIDs.table)
            .column(Schema.DetectionSIDs.organisationID, type: .text, .notNull, .references(Schema.Organisations.table, Schema.Organisations.id))
            .column(Schema.DetectionSIDs.sidBase, type: .bigint, .notNull)
            .column(Schema.DetectionSIDs.sidCount, type: .bigint, .notNull)
            .column(Schema.DetectionSIDs.entryKey, type: .text, .notNull)
            .column(Schema.DetectionSIDs.sid, type: .bigint, .notNull)
            .column(Schema.DetectionSIDs.allocatedAt, type: .bigint, .notNull)
            .primaryKey(Schema.DetectionSIDs.organisationID, Schema.DetectionSIDs.sidBase, Schema.DetectionSIDs.sidCount, Schema.DetectionSIDs.entryKey)
            .run()
        try await db.create(index: "detection_sids_sid").unique().on(Schema.DetectionSIDs.table)
            .column(Schema.DetectionSIDs.organisationID).column(Schema.DetectionSIDs.sid).run()
    }
}
