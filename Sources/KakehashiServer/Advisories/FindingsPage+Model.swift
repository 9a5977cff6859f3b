/// `/advisories`: the vulnerabilities matched to a registry, open ones first, and the latest advisories.
enum FindingsPage {
    struct Model: PageModel {
        struct Finding: Encodable, Sendable, Equatable {
            struct Vector: Encodable, Sendable, Equatable {
                let version: String
                let vector: String
                let score: String
            }

            struct Action: Encodable, Sendable, Equatable {
                let category: String
                let details: String
                let url: String
            }

            /// Why, by whom and when a finding was marked not applicable.
            struct Decision: Encodable, Sendable, Equatable {
                let reason: String
                let by: String
                let at: String
            }

            let item: String
            let itemName: String
            let itemProduct: String
            let site: String
            let function: String
            let vulnerability: String
            let title: String
            let advisory: String
            let statusLabel: String
            let affected: Bool
            let critical: Bool
            let severity: String
            let severityClass: String
            let score: String
            let vectors: [Vector]
            let knownExploited: Bool
            let ransomware: Bool
            let requiredAction: String
            let dueDate: String
            let hasActions: Bool
            let actions: [Action]
            let firstSeen: String
            let evidence: String
            var decision: Decision?
            /// The not-applicable form's error, on the finding it was posted for.
            var reasonError: String?
        }

        /// An imported advisory document.
        struct Document: Encodable, Sendable, Equatable {
            let id: String
            let title: String
            let format: String
            let count: Int
            let at: String
        }

        let frame: PageFrame
        let organisation: String
        let owner: Bool
        let open: [Finding]
        let closed: [Finding]
        let hasClosed: Bool
        let openCount: Int
        let exploitedCount: Int
        let documents: [Document]
    }

    /// The not-applicable form's error: the finding (`item/vulnerability`) and the message.
    struct ReasonError: Sendable {
        let key: String
        let message: String
    }
}
