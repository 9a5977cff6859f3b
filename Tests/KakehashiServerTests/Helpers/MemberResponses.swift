import Foundation

/// `POST /api/v1/session` when the password is right.
struct SignInResponse: Decodable {
    let csrfToken: String
}

/// `POST /api/v1/tokens`: the secret, shown once.
struct TokenCreatedResponse: Decodable {
    let token: String
}

/// `GET /api/v1/organisations/{id}/notification-emails`.
struct NotificationEmailsResponse: Decodable {
    let addresses: [String]
}
