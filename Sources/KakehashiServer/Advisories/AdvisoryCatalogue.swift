import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

/// The index of every stored advisory, rebuilt only when the stored documents change, which the
/// documents' revision tells (also when another hub process imported them).
actor AdvisoryCatalogue {
    private let documents: AdvisoryDocumentRepository
    private var revision: String?
    private var index = AdvisoryIndex(advisories: [])

    init(documents: AdvisoryDocumentRepository) {
        self.documents = documents
    }

    /// The current index.
    func current(logger: Logger) async throws -> AdvisoryIndex {
        let latest = try await documents.revision()
        if latest == revision { return index }
        var advisories: [Advisory] = []
        for document in try await documents.bodies() {
            do {
                advisories.append(try AdvisoryDocument.decode(Data(document.body.utf8), name: document.id, format: document.format))
            } catch {
                // Documents were validated on import; one that no longer reads means the code changed under it.
                logger.error("stored advisory no longer decodes; it is left out of matching until re-imported",
                             metadata: ["advisory": "\(document.id)", "error": "\(error)"])
            }
        }
        index = AdvisoryIndex(advisories: advisories)
        revision = latest
        return index
    }
}
