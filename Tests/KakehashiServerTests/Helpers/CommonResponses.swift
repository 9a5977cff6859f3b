import Foundation

/// The JSON body of every non-TAXII error response (`ErrorBody` in the app).
struct ErrorResponse: Decodable {
    struct Detail: Decodable {
        let status: Int
        let code: String
        let message: String
        let field: String?
    }

    let error: Detail
}

/// A body with an `id`, as creating a resource answers.
struct Created: Decodable {
    let id: String
}

/// Any JSON value whose content a test does not look at (it counts them, or checks they are there).
struct Opaque: Decodable {
    init(from decoder: any Decoder) throws {}
}
