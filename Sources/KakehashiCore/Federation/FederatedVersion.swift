import Foundation

/// One object version as it crosses between hubs: the object unchanged, and beside it (never inside it) the
/// chain of hubs it passed through, the first being where it was made. A foreign TAXII peer sends no chain.
public struct FederatedVersion: Sendable {
    public var object: STIXObject
    public var chain: [String]

    public init(object: STIXObject, chain: [String] = []) {
        self.object = object
        self.chain = chain
    }
}
