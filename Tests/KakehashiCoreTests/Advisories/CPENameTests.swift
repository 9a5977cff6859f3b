import Testing
@testable import KakehashiCore

@Suite("CPE 2.3 formatted string")
struct CPENameTests {
    @Test func unbindsNISTIR7695Example() throws {
        let name = try CPEName("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*")
        #expect(name.part == .literal("a"))
        #expect(name.product == .literal("insight_diagnostics"))
        #expect(name.version == .literal("7.4.0.1570"))
        #expect(name.values[4] == .na)
        #expect(name.values[5] == .any)
        #expect(name.values[7] == .literal("online"))
        #expect(name.values[9] == .literal("x64"))
    }

    @Test func unbindsEscapes() throws {
        let name = try CPEName(#"cpe:2.3:a:foo\\bar:big\$money_2010:*:*:*:*:special:ipod_touch:80gb:*"#)
        #expect(name.vendor == .literal(#"foo\bar"#))
        #expect(name.product == .literal("big$money_2010"))
        #expect(name.formatted == #"cpe:2.3:a:foo\\bar:big\$money_2010:*:*:*:*:special:ipod_touch:80gb:*"#)
    }

    @Test func escapedColonStaysInsideValue() throws {
        let name = try CPEName(#"cpe:2.3:a:vendor:prod\:uct:1.0:*:*:*:*:*:*:*"#)
        #expect(name.product == .literal("prod:uct"))
    }

    @Test func unbindsWildcards() throws {
        let name = try CPEName("cpe:2.3:a:adobe:*:9.*:*:PalmOS:*:*:*:*:*")
        guard case .string(let version) = name.version else {
            Issue.record("version should be a string")
            return
        }
        #expect(version.tokens == [.literal("9"), .literal("."), .anySequence])
        #expect(version.hasWildcards)
        #expect(name.product == .any)
    }

    @Test func roundTripsFormattedString() throws {
        let text = "cpe:2.3:h:siemens:simatic_s7-1500:2.9.4:*:*:*:*:*:*:*"
        #expect(try CPEName(text).formatted == text)
        #expect(CPEName(part: "h", vendor: "siemens", product: "simatic_s7-1500", version: "2.9.4").formatted == text)
    }

    @Test(arguments: [
        ("cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*", nil as String?, "11 attributes"),
        ("cpe:2.2:a:vendor:product:1.0:*:*:*:*:*:*:*", nil, "cpe:2.3"),
        ("cpe:2.3:x:vendor:product:1.0:*:*:*:*:*:*:*", "part", "must be"),
        ("cpe:2.3:a:vendor:pro*duct:1.0:*:*:*:*:*:*:*", "product", "start or end"),
        ("cpe:2.3:a:vendor:product:1.?.2:*:*:*:*:*:*:*", "version", "\"?\""),
        ("cpe:2.3:a:vendor:product:1 0:*:*:*:*:*:*:*", "version", "not allowed"),
        ("cpe:2.3:a::product:1.0:*:*:*:*:*:*:*", "vendor", "empty"),
        (#"cpe:2.3:a:vendor:product:1.0\a:*:*:*:*:*:*:*"#, "version", "not punctuation"),
    ])
    func rejectsBrokenNames(text: String, attribute: String?, rule: String) {
        #expect {
            _ = try CPEName(text)
        } throws: { error in
            guard let error = error as? CPEError else { return false }
            return error.attribute == attribute && error.rule.contains(rule)
        }
    }
}

@Suite("CPE 2.2 URI")
struct CPEURITests {
    @Test func unbindsURIWithPackedEdition() throws {
        let name = try CPEName(parsing: "cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~")
        #expect(name.formatted == "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:*:*:*:online:win2003:x64:*")
    }

    @Test func unbindsURIAsCSAFUsesIt() throws {
        let name = try CPEName(parsing: "cpe:/a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha")
        #expect(name.vendor == .literal("csaf-tools"))
        #expect(name.version == .literal("1.0.0-alpha"))
        #expect(name.values[4] == .any)
    }

    @Test func rejectsBadPercentEncoding() {
        #expect(throws: CPEError.self) { _ = try CPEName(parsing: "cpe:/a:vendor:pro%zzduct") }
    }
}
