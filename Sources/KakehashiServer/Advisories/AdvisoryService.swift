import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

/// The registry, advisory import and matching behind the API, the pages, the CLI and the feed fetcher.
///
/// Matching re-runs whenever a registry or the advisories change: a registry change re-matches its
/// organisation, an import re-matches every organisation. New findings are notified (webhook and
/// e-mail outbox) in the same transaction that stores them.
public struct AdvisoryService: Sendable {
    public let equipment: EquipmentRepository
    public let documents: AdvisoryDocumentRepository
    public let findings: FindingRepository
    public let feeds: AdvisoryFeedRepository
    let organisations: OrganisationRepository
    private let catalogue: AdvisoryCatalogue

    init(database: HubDatabase, organisations: OrganisationRepository) {
        equipment = EquipmentRepository(database: database)
        documents = AdvisoryDocumentRepository(database: database)
        findings = FindingRepository(database: database)
        feeds = AdvisoryFeedRepository(database: database)
        self.organisations = organisations
        catalogue = AdvisoryCatalogue(documents: documents)
    }

    /// One document to import: its bytes and how to name it in errors and in the import list.
    public struct Upload: Sendable {
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// What an import stored and what matching found.
    public struct ImportResult: Sendable {
        public var documents: [AdvisoryDocumentRepository.Summary]
        public var newFindings: Int
    }

    /// Reads every upload, then stores them all in one transaction and re-matches every registry.
    /// Nothing is stored unless every document reads.
    /// - Parameter progress: called after each document is read, with how many are done.
    /// - Throws: ``AdvisoryFormatError`` naming the document, the JSON path and the rule broken.
    public func importDocuments(
        _ uploads: [Upload], format: AdvisoryDocument.Format? = nil, audit: AuditRecord, logger: Logger,
        now: Date = Date(), progress: (Int, Upload, Advisory) -> Void = { _, _, _ in }
    ) async throws -> ImportResult {
        var imports: [AdvisoryDocumentRepository.Import] = []
        for (position, upload) in uploads.enumerated() {
            let advisory = try AdvisoryDocument.decode(upload.data, name: upload.name, format: format)
            imports.append(Self.prepare(upload, advisory, importedBy: audit.actorUser ?? "hub", now: now))
            progress(position + 1, upload, advisory)
        }
        return try await store(imports, audit: audit, logger: logger, now: now)
    }

    /// Like ``importDocuments(_:format:audit:logger:now:progress:)``, but a document that does not read
    /// is left out (and returned with its error) instead of stopping the import: for documents a feed
    /// lists, each of which stands on its own.
    public func importReadable(_ uploads: [Upload], format: AdvisoryDocument.Format? = nil, audit: AuditRecord, logger: Logger, now: Date = Date())
        async throws -> (result: ImportResult, rejected: [AdvisoryFormatError]) {
        var imports: [AdvisoryDocumentRepository.Import] = []
        var rejected: [AdvisoryFormatError] = []
        for upload in uploads {
            do {
                let advisory = try AdvisoryDocument.decode(upload.data, name: upload.name, format: format)
                imports.append(Self.prepare(upload, advisory, importedBy: audit.actorUser ?? "hub", now: now))
            } catch {
                rejected.append(error)
            }
        }
        if imports.isEmpty { return (ImportResult(documents: [], newFindings: 0), rejected) }
        return (try await store(imports, audit: audit, logger: logger, now: now), rejected)
    }

    private static func prepare(_ upload: Upload, _ advisory: Advisory, importedBy: String, now: Date) -> AdvisoryDocumentRepository.Import {
        let detected: AdvisoryDocument.Format = switch advisory.source {
        case .csaf: .csaf
        case .cveRecord: .cve
        case .knownExploited: .kev
        }
        let summary = AdvisoryDocumentRepository.Summary(advisory: advisory, format: detected, source: upload.name, importedBy: importedBy, importedAt: now)
        return .init(summary: summary, body: String(decoding: upload.data, as: UTF8.self))
    }

    private func store(_ imports: [AdvisoryDocumentRepository.Import], audit: AuditRecord, logger: Logger, now: Date) async throws -> ImportResult {
        var record = audit
        record.details["documents"] = imports.map(\.summary.id).joined(separator: ",")
        try await documents.store(imports, audit: record, now: now)
        let added = try await rematchAll(logger: logger, now: now)
        return ImportResult(documents: imports.map(\.summary), newFindings: added)
    }

    /// Replaces an organisation's registry and re-matches it.
    /// - Returns: how many new findings matching produced.
    @discardableResult
    public func replaceRegistry(organisation: UUID, items: [Equipment], audit: AuditRecord, logger: Logger, now: Date = Date()) async throws -> Int {
        try await equipment.replace(organisation: organisation, items: items, audit: audit, now: now)
        return try await rematch(organisation: organisation, logger: logger, now: now)
    }

    /// Re-matches one organisation's registry; returns how many new findings were stored.
    @discardableResult
    public func rematch(organisation: UUID, logger: Logger, now: Date = Date()) async throws -> Int {
        let index = try await catalogue.current(logger: logger)
        let items = try await equipment.list(organisation: organisation)
        return try await store(await AdvisoryMatcher.matchConcurrently(items, index: index, workers: 2), for: organisation, now: now)
    }

    /// Re-matches every registry; returns how many new findings were stored.
    @discardableResult
    public func rematchAll(logger: Logger, now: Date = Date()) async throws -> Int {
        let index = try await catalogue.current(logger: logger)
        var added = 0
        for (organisation, items) in try await equipment.all().sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            added += try await store(await AdvisoryMatcher.matchConcurrently(items, index: index, workers: 2), for: organisation, now: now)
        }
        if added > 0 { logger.info("advisory matching stored new findings", metadata: ["findings": "\(added)"]) }
        return added
    }

    private func store(_ matches: [AdvisoryMatch], for organisation: UUID, now: Date) async throws -> Int {
        let changes = try await findings.sync(organisation: organisation, findings: matches.map(AdvisoryFinding.init), now: now) { added in
            [FindingNotice(organisation: organisation, findings: added).planned]
        }
        return changes.added.count
    }
}
