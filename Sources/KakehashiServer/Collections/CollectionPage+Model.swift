import KakehashiCore

/// `/collections`: the collections the viewer's organisation may read.
enum CollectionsPage {
    struct Model: PageModel {
        struct Row: Encodable, Sendable, Equatable {
            let id: String
            let title: String
            let description: String
            let defaultTLP: String
            let defaultTLPClass: String
            let canWrite: Bool
        }

        let frame: PageFrame
        let collections: [Row]
    }
}

/// `/collections/:collection`: a search of the collection and, for writers, the forms to share an
/// indicator and to upload a bundle.
enum CollectionPage {
    struct Model: PageModel {
        struct Collection: Encodable, Sendable, Equatable {
            let id: String
            let title: String
        }

        /// A choice of a select (object type, indicator kind, TLP).
        struct Choice: Encodable, Sendable, Equatable {
            var name: String?
            var value: String?
            var label: String?
            let selected: Bool
        }

        /// The indicator form's input, when it came back with errors.
        struct Draft: Encodable, Sendable, Equatable {
            let value: String
            let nameJa: String
            let nameEn: String
            let descriptionJa: String
            let descriptionEn: String
        }

        let frame: PageFrame
        let collection: Collection
        let query: String
        let count: Int
        let types: [Choice]
        let objects: [ObjectSummary]
        let canWrite: Bool
        let kinds: [Choice]
        let tlps: [Choice]
        var draft: Draft?
        /// The indicator form's errors by field.
        var errors: [String: String]?
        /// What became of an uploaded bundle, or why it was refused.
        var formError: String?
    }

    /// What a form posted to the page brings back to it.
    struct Outcome: Sendable {
        var draft: IndicatorDraft?
        var errors: [String: String]?
        var formError: String?
    }
}

/// `/collections/:collection/objects/:object`: one object with its relationships.
enum ObjectPage {
    struct Model: PageModel {
        let frame: PageFrame
        let detail: ObjectDetail
        let collectionTitle: String
        /// Members' opinions and the buttons to give one (see `Consultations/`).
        var opinions: OpinionPanel? = nil
    }
}
