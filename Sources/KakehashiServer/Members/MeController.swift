import Foundation
import Hummingbird
import KakehashiCore

/// `/api/v1/me`: who the hub thinks you are.
struct MeController {
    struct MeView: ResponseEncodable {
        let user: UserController.UserView
        let organisation: Organisation
        let tokenScopes: [String]?
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get { _, context -> MeView in
            let principal = try context.requirePrincipal()
            return MeView(user: .init(principal.user), organisation: principal.organisation, tokenScopes: principal.tokenScopes?.map(\.rawValue).sorted())
        }
        return routes
    }
}
