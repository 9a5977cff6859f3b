/// `/incidents`: the organisation's incidents, each with its next deadline.
enum IncidentListPage {
    struct Model: PageModel {
        struct Row: Encodable, Sendable, Equatable {
            let id: String
            let title: String
            let category: String
            let status: String
            /// The latest submitted version, if any was submitted.
            let version: FalseWhenAbsent<Int>
            /// The stage due soonest (or most overdue), if any.
            let next: FalseWhenAbsent<DeadlineRows.Row>
        }

        let frame: PageFrame
        let incidents: [Row]
        let canReport: Bool
    }
}

/// A link of the report form's step navigation.
struct StepLink: Encodable, Sendable, Equatable {
    let number: Int
    let title: String
    /// Set once the incident exists.
    let href: FalseWhenAbsent<String>
    let current: Bool
}

/// `/incidents/new` and `/incidents/:id/steps/:step`: one step of the report form.
enum IncidentStepPage {
    struct Model: PageModel {
        /// A link from the error summary to its field.
        struct ErrorLink: Encodable, Sendable, Equatable {
            let target: String
            let text: String
        }

        let frame: PageFrame
        let steps: [StepLink]
        let stepNumber: Int
        let stepTitle: String
        let formAction: String
        let incidentID: FalseWhenAbsent<String>
        let groups: [FormGroup.Model]
        let errorCount: FalseWhenAbsent<Int>
        let errorLinks: [ErrorLink]
    }
}

/// `/incidents/:id/steps/review`: the whole report, the deadlines it starts and the submit form.
enum IncidentReviewPage {
    struct Model: PageModel {
        /// A kind of submission the form offers.
        struct Kind: Encodable, Sendable, Equatable {
            let value: String
            let label: String
            let checked: Bool
        }

        /// Why a submission was refused: every missing field, linked to its step.
        struct Refusal: Encodable, Sendable, Equatable {
            struct Missing: Encodable, Sendable, Equatable {
                let field: String
                let code: String
                let stages: String
                let href: String
                let step: String
            }

            let heading: String
            let missing: [Missing]
        }

        let frame: PageFrame
        let steps: [StepLink]
        let incidentID: String
        let summary: [ReportSummary.Row]
        let deadlines: [DeadlineRows.Row]
        let kinds: [Kind]
        let closed: Bool
        let problem: FalseWhenAbsent<String>
        let refusal: FalseWhenAbsent<Refusal>
    }
}

/// `/incidents/:id`: an incident's status, deadlines, deliveries and submissions.
enum IncidentPage {
    struct Model: PageModel {
        struct Submission: Encodable, Sendable, Equatable {
            let version: Int
            let kind: String
            let by: String
            let at: String
            /// The authorities no organisation receives for, if any.
            let unassigned: FalseWhenAbsent<String>
        }

        let frame: PageFrame
        let incidentID: String
        let incidentTitle: String
        let isReporter: Bool
        let canEdit: Bool
        let status: String
        let category: String
        let version: Int
        /// The kind just submitted, after a submission.
        let submitted: FalseWhenAbsent<String>
        let reporterName: String
        let deadlines: [DeadlineRows.Row]
        let submissions: [Submission]
        let deliveries: [DeliveryRow]
        /// The delivered report, for a recipient.
        let summary: [ReportSummary.Row]
        /// The consultations this incident came from or is about (see `Consultations/`).
        var consultations: [ConsultationLink] = []
    }
}

/// `/inbox`: the reports delivered to a recipient organisation.
enum InboxPage {
    struct Model: PageModel {
        struct Row: Encodable, Sendable, Equatable {
            let delivery: DeliveryRow
            let reporter: String
            let title: String
            let kind: String
            let category: String
            let tlp: FalseWhenAbsent<String>
            let tlpClass: String
        }

        let frame: PageFrame
        let deliveries: [Row]
        /// Whether the page follows an acknowledgement.
        let acknowledged: Bool
    }
}
