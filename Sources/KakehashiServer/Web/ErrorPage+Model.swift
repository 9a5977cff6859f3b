/// The error page: a page that does not exist for this viewer.
enum ErrorPage {
    struct Model: PageModel {
        let frame: PageFrame
        let heading: String
        let message: String
    }
}
