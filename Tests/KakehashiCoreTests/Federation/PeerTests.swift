import Foundation
import KakehashiCore
import Testing

@Suite struct PeerTests {
    func peer(name: String = "fin-isac", apiRoot: String = "https://fin.example/taxii2/hub", collection: String = "abc", cap: TLPLevel = .green,
              sameCommunity: Bool = false, interval: Int = 60, credential: PeerCredential = .none) -> Peer {
        Peer(name: name, kind: .taxii, apiRoot: apiRoot, remoteCollection: collection, credential: credential, direction: .pull, localCollection: UUID(),
             organisation: UUID(), tlpCap: cap, sameCommunity: sameCommunity, intervalSeconds: interval)
    }

    func field(_ peer: Peer) -> String? {
        do { try peer.validate(); return nil } catch let error as PeerDeclarationError { return error.field } catch { return "?" }
    }

    @Test func aDeclarationIsCheckedFieldByField() {
        #expect(field(peer()) == nil)
        #expect(peer().objectsURL == "https://fin.example/taxii2/hub/collections/abc/objects/")
        #expect(peer(apiRoot: "http://127.0.0.1:8081/taxii2/hub/").exchangeURL == "http://127.0.0.1:8081/api/v1/federation/collections/abc/exchange")
        #expect(field(peer(name: "-x")) == "name")
        #expect(field(peer(name: "a b")) == "name")
        #expect(field(peer(apiRoot: "ftp://fin.example/")) == "api_root")
        #expect(field(peer(apiRoot: "not a url")) == "api_root")
        #expect(field(peer(collection: "a/b")) == "collection")
        #expect(field(peer(cap: .amber)) == "tlp_cap", "AMBER only for a peer of the same community")
        #expect(field(peer(cap: .amber, sameCommunity: true)) == nil)
        #expect(field(peer(cap: .amberStrict, sameCommunity: true)) == "tlp_cap")
        #expect(field(peer(cap: .red, sameCommunity: true)) == "tlp_cap")
        #expect(field(peer(interval: 0)) == "interval")
        #expect(field(peer(credential: .file("relative/token"))) == "credential")
        #expect(field(peer(credential: .environment("9LIVES"))) == "credential")
    }

    @Test func credentialsAreReferencesNeverSecrets() throws {
        #expect(try PeerCredential(reference: "file:/etc/kakehashi/fin.token") == .file("/etc/kakehashi/fin.token"))
        #expect(try PeerCredential(reference: "env:FIN_TOKEN") == .environment("FIN_TOKEN"))
        #expect(try PeerCredential(reference: "none") == PeerCredential.none)
        #expect(PeerCredential.environment("FIN_TOKEN").reference == "env:FIN_TOKEN")
        #expect(throws: PeerDeclarationError.self) { try PeerCredential(reference: "s3cr3t-token") }
    }
}
