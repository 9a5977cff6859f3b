import Foundation
import KakehashiCore
import SQLKit

/// Advisory documents as imported (CSAF, CVE records, the KEV catalog), kept whole so that matching
/// can be rebuilt from them.
public struct AdvisoryDocumentRepository: Sendable {
    /// What the hub knows of an imported document without reading its body.
    public struct Summary: Sendable, Hashable, Codable {
        /// `csaf:<tracking id>`, `cve:<CVE ID>`, or `kev` (the newest catalog replaces the last).
        public var id: String
        public var format: AdvisoryDocument.Format
        public var advisoryID: String
        public var title: String
        public var publisher: String?
        public var released: String?
        public var vulnerabilities: Int
        /// The file name or URL it came from.
        public var source: String
        public var importedBy: String
        public var importedAt: Date

        public init(advisory: Advisory, format: AdvisoryDocument.Format, source: String, importedBy: String, importedAt: Date) {
            id = format == .kev ? "kev" : "\(format.rawValue):\(advisory.id)"
            self.format = format
            advisoryID = advisory.id
            title = advisory.title
            publisher = advisory.publisher
            released = advisory.released
            vulnerabilities = advisory.vulnerabilities.count
            self.source = source
            self.importedBy = importedBy
            self.importedAt = importedAt
        }

        init(row: any SQLRow) throws {
            id = try row.decode(column: Schema.AdvisoryDocuments.id, as: String.self)
            format = try row.enumValue(Schema.AdvisoryDocuments.format, as: AdvisoryDocument.Format.self)
            advisoryID = try row.decode(column: Schema.AdvisoryDocuments.advisoryID, as: String.self)
            title = try row.decode(column: Schema.AdvisoryDocuments.title, as: String.self)
            publisher = try row.decode(column: Schema.AdvisoryDocuments.publisher, as: String?.self)
            released = try row.decode(column: Schema.AdvisoryDocuments.released, as: String?.self)
            vulnerabilities = Int(try row.decode(column: Schema.AdvisoryDocuments.vulnerabilities, as: Int64.self))
            source = try row.decode(column: Schema.AdvisoryDocuments.source, as: String.self)
            importedBy = try row.decode(column: Schema.AdvisoryDocuments.importedBy, as: String.self)
            importedAt = try row.date(Schema.AdvisoryDocuments.importedAt)
        }
    }

    /// A document to store: what it is and its bytes.
    public struct Import: Sendable {
        public var summary: Summary
        public var body: String

        public init(summary: Summary, body: String) {
            self.summary = summary
            self.body = body
        }
    }

    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Stores every document, replacing earlier imports with the same id, in one transaction with its audit entry.
    public func store(_ documents: [Import], audit: AuditRecord, now: Date = Date()) async throws {
        try await database.transaction { db in
            for document in documents {
                let summary = document.summary
                try await db.delete(from: Schema.AdvisoryDocuments.table).where(Schema.AdvisoryDocuments.id, .equal, summary.id).run()
                try await db.insert(into: Schema.AdvisoryDocuments.table)
                    .columns(Schema.AdvisoryDocuments.id, Schema.AdvisoryDocuments.format, Schema.AdvisoryDocuments.advisoryID, Schema.AdvisoryDocuments.title, Schema.AdvisoryDocuments.publisher, Schema.AdvisoryDocuments.released, Schema.AdvisoryDocuments.vulnerabilities, Schema.AdvisoryDocuments.source, Schema.AdvisoryDocuments.body, Schema.AdvisoryDocuments.importedBy, Schema.AdvisoryDocuments.importedAt)
                    .values(
                        SQLBind(summary.id), SQLBind(summary.format.rawValue), SQLBind(summary.advisoryID), SQLBind(summary.title),
                        SQLBind(summary.publisher), SQLBind(summary.released), SQLBind(Int64(summary.vulnerabilities)),
                        SQLBind(summary.source), SQLBind(document.body), SQLBind(summary.importedBy), SQLBind(now.micros))
                    .run()
            }
            try await AuditLog.append(audit, on: db, now: now)
        }
    }

    /// The newest imports first.
    public func list(limit: Int = 500) async throws -> [Summary] {
        try await database.read { db in
            try await db.select().columns(Schema.AdvisoryDocuments.id, Schema.AdvisoryDocuments.format, Schema.AdvisoryDocuments.advisoryID, Schema.AdvisoryDocuments.title, Schema.AdvisoryDocuments.publisher, Schema.AdvisoryDocuments.released, Schema.AdvisoryDocuments.vulnerabilities, Schema.AdvisoryDocuments.source, Schema.AdvisoryDocuments.importedBy, Schema.AdvisoryDocuments.importedAt)
                .from(Schema.AdvisoryDocuments.table).orderBy(Schema.AdvisoryDocuments.importedAt, .descending).orderBy(Schema.AdvisoryDocuments.id).limit(limit).all().map(Summary.init(row:))
        }
    }

    /// Every stored document: its id, format and body, in id order.
    public func bodies() async throws -> [(id: String, format: AdvisoryDocument.Format, body: String)] {
        try await database.read { db in
            try await db.select().columns(Schema.AdvisoryDocuments.id, Schema.AdvisoryDocuments.format, Schema.AdvisoryDocuments.body).from(Schema.AdvisoryDocuments.table).orderBy(Schema.AdvisoryDocuments.id).all().map { row in
                (try row.decode(column: Schema.AdvisoryDocuments.id, as: String.self), try row.enumValue(Schema.AdvisoryDocuments.format, as: AdvisoryDocument.Format.self),
                 try row.decode(column: Schema.AdvisoryDocuments.body, as: String.self))
            }
        }
    }

    /// When each source (file name or URL) last had a document imported from it, so a feed round can
    /// skip what it already holds.
    public func importedSources() async throws -> [String: Date] {
        try await database.read { db in
            var sources: [String: Date] = [:]
            for row in try await db.select().columns(Schema.AdvisoryDocuments.source, Schema.AdvisoryDocuments.importedAt).from(Schema.AdvisoryDocuments.table).all() {
                let source = try row.decode(column: Schema.AdvisoryDocuments.source, as: String.self)
                let time = try row.date(Schema.AdvisoryDocuments.importedAt)
                if sources[source].map({ $0 < time }) ?? true { sources[source] = time }
            }
            return sources
        }
    }

    /// A value that changes whenever a document is imported or replaced, so a process can tell
    /// whether the index it holds is current (also when another hub process did the import).
    public func revision() async throws -> String {
        try await database.read { db in
            guard let row = try await db.raw("SELECT COUNT(*) AS n, MAX(\(Schema.AdvisoryDocuments.importedAt)) AS last FROM \(Schema.AdvisoryDocuments.table)").first() else { return "0" }
            return "\(try row.decode(column: "n", as: Int64.self)):\(try row.decode(column: "last", as: Int64?.self) ?? 0)"
        }
    }
}
