import KakehashiCore
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: ["soc@example.jp", "first.last+kakehashi@mail.rail.example.jp", " csirt@Example.JP "])
    func acceptableAddressesAreKept(text: String) throws {
        let address = try EmailAddress(text)
        #expect(address.value == text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "Example.JP", with: "example.jp"))
    }

    @Test(arguments: [
        ("", "empty"), ("no-at.example.jp", "exactly one @"), ("a@b@example.jp", "exactly one @"),
        ("soc@localhost", "at least one dot"), ("soc@-bad.example.jp", "not a host name"), (".soc@example.jp", "single dots"),
        ("so c@example.jp", "without spaces"), ("soc@example.jp\r\nBcc: x@evil.example", "without spaces"), ("担当@example.jp", "ASCII"),
        ("<soc@example.jp>", "single dots"),
    ])
    func unacceptableAddressesAreNamedWithTheReason(text: String, reason: String) {
        #expect {
            try EmailAddress(text, field: "addresses[0]")
        } throws: { error in
            let failure = error as? MemberValidationError
            return failure?.field == "addresses[0]" && failure?.message.contains("'\(text)'") == true && failure?.message.contains(reason) == true
        }
    }

    @Test func aListDropsRepeatsAndNamesTheBadPosition() throws {
        let list = try EmailAddress.list(["a@example.jp", "b@example.jp", "a@EXAMPLE.jp"])
        #expect(list.map(\.value) == ["a@example.jp", "b@example.jp"])
        #expect {
            try EmailAddress.list(["a@example.jp", "broken"])
        } throws: { error in
            (error as? MemberValidationError)?.field == "addresses[1]"
        }
        #expect(throws: MemberValidationError.self) { try EmailAddress.list((0...20).map { "u\($0)@example.jp" }) }
    }
}
