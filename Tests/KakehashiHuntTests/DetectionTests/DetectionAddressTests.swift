import KakehashiHunt
import Testing

@Suite struct DetectionAddressTests {
    @Test func addressesAreWrittenInCanonicalForm() {
        let cases = [
            ("192.0.2.1", "192.0.2.1"), ("192.0.2.77/24", "192.0.2.0/24"), ("0.0.0.0/0", "0.0.0.0/0"),
            ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"), ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("::", "::"), ("::1", "::1"), ("2001:db8::", "2001:db8::"), ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2:3:4:5:6"),
            ("2001:db8:0:1:2:3:4:5", "2001:db8:0:1:2:3:4:5"), ("::FFFF:c000:0201", "::ffff:192.0.2.1"), ("2001:db8::1/32", "2001:db8::/32"),
        ]
        for (text, canonical) in cases {
            #expect(DetectionAddress.parse(text)?.text == canonical, "\(text)")
        }
    }

    @Test func ambiguousOrMalformedAddressesAreRefused() {
        for text in ["10.1", "1.2.3.4.5", "01.2.3.4", "0x7f.0.0.1", "256.0.0.1", "1.2.3.4/33", "1.2.3.4/", "2001:db8::1/129", "::1::2", "example.com", ""] {
            #expect(DetectionAddress.parse(text) == nil, "\(text)")
        }
    }

    @Test func overlapCoversContainmentInBothDirections() throws {
        let resolver = try #require(DetectionAddress.parse("8.8.8.8"))
        #expect(try #require(DetectionAddress.parse("8.8.0.0/16")).overlaps(resolver))
        #expect(resolver.overlaps(try #require(DetectionAddress.parse("8.8.0.0/16"))))
        #expect(!resolver.overlaps(try #require(DetectionAddress.parse("8.8.4.4"))))
        #expect(!resolver.overlaps(try #require(DetectionAddress.parse("::ffff:808:808"))), "families never overlap")
    }
}
