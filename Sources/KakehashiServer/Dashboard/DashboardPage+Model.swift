/// The dashboard at `/`: the viewer's organisation and each part of the hub's activity.
enum DashboardPage {
    struct Model: PageModel {
        let frame: PageFrame
        let organisationName: String
        let organisationKind: String
        let role: String
        /// New indicators in the viewer's collections.
        let indicators: Dashboard
        let incidentActivity: IncidentActivity
        let advisoryActivity: AdvisoryActivity
        let campaignActivity: CampaignActivity
    }
}
