import Foundation
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct MailMessageTests {
    static func message(subject: String = "【架け橋】インシデント報告を受領しました", body: String = "国土交通省 御中\n\n報告を受領しました。\n") throws -> MailMessage {
        MailMessage(from: try EmailAddress("hub@kakehashi.example.jp"), to: [try EmailAddress("soc@mlit.example.jp"), try EmailAddress("duty@mlit.example.jp")],
                    subject: subject, body: body, date: Date(timeIntervalSince1970: 1_795_000_000), messageID: "0f3a@kakehashi.example.jp")
    }

    /// Decodes RFC 2047 B-encoded words back to text.
    static func decodeWords(_ header: String) -> String {
        let words = header.replacingOccurrences(of: "\r\n ", with: " ").split(separator: " ")
        let bytes = words.flatMap { word -> [UInt8] in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return Array(word.utf8) }
            return Array(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func headersAreRFC5322WithAnEncodedSubject() throws {
        let text = try Self.message().rendered()
        let (head, _) = try #require(text.range(of: "\r\n\r\n").map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) })
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ")
        let headers = Dictionary(unfolded.components(separatedBy: "\r\n").map { line -> (String, String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(colon, offsetBy: 2)...]))
        }, uniquingKeysWith: { first, _ in first })

        #expect(headers["Date"] == "Wed, 18 Nov 2026 11:06:40 +0000")
        #expect(headers["From"] == "hub@kakehashi.example.jp")
        #expect(headers["To"] == "soc@mlit.example.jp, duty@mlit.example.jp")
        #expect(headers["Message-ID"] == "<0f3a@kakehashi.example.jp>")
        #expect(headers["MIME-Version"] == "1.0")
        #expect(headers["Content-Type"] == "text/plain; charset=UTF-8")
        #expect(headers["Content-Transfer-Encoding"] == "base64")
        #expect(Self.decodeWords(try #require(headers["Subject"])) == "【架け橋】インシデント報告を受領しました")
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(text.allSatisfy { $0.isASCII })
    }

    @Test func aLongSubjectBecomesSeveralWordsWithoutSplittingACharacter() throws {
        let subject = String(repeating: "重要インフラ事業者からの報告", count: 5)
        let words = MailMessage.encodedWords(subject)

        #expect(words.count > 1)
        for word in words {
            #expect(word.utf8.count <= 75)
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            #expect(String(data: payload, encoding: .utf8) != nil, "each word holds whole characters")
        }
        #expect(Self.decodeWords(words.joined(separator: "\r\n ")) == subject)
    }

    @Test func printableASCIISubjectsStayReadableButLineBreaksAreEncoded() {
        #expect(MailMessage.encodedWords("Incident delivered") == ["Incident delivered"])
        let injected = MailMessage.encodedWords("hello\r\nBcc: someone@evil.example")
        #expect(injected.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && !$0.contains("\r") && !$0.contains("\n") })
    }

    @Test func theBodyIsUTF8InBase64LinesWithCRLFLineEnds() throws {
        let body = "国土交通省 御中\n\n報告を受領しました。\n" + String(repeating: "詳細はハブで確認してください。", count: 10)
        let text = try Self.message(body: body).rendered()
        let encoded = try #require(text.components(separatedBy: "\r\n\r\n").last)
        let lines = encoded.components(separatedBy: "\r\n").filter { !$0.isEmpty }

        #expect(lines.count > 1)
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        let decoded = try #require(Data(base64Encoded: lines.joined()))
        #expect(String(decoding: decoded, as: UTF8.self) == body.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func dataIsDotStuffedAndClosedWithALoneDot() {
        let payload = SMTPCommand.dataPayload("Subject: x\r\n\r\n.hidden\r\nline\n..two\r\n.\r\n")
        #expect(payload == "Subject: x\r\n\r\n..hidden\r\nline\r\n...two\r\n..\r\n.\r\n")
    }

    @Test func repliesAreAssembledFromContinuationLines() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.feed("250-mail.example.jp greets you") == nil)
        #expect(try parser.feed("250-STARTTLS") == nil)
        let reply = try #require(try parser.feed("250 AUTH PLAIN LOGIN"))
        let single = try #require(try parser.feed("354"))

        #expect(reply == SMTPReply(code: 250, lines: ["mail.example.jp greets you", "STARTTLS", "AUTH PLAIN LOGIN"]))
        #expect(SMTPExtensions(reply).offers("STARTTLS"))
        #expect(SMTPExtensions(reply).parameters(of: "AUTH") == ["PLAIN", "LOGIN"])
        #expect(single.code == 354)
        #expect(throws: SMTPError.self) { try parser.feed("hello there") }
        _ = try parser.feed("250-one")
        #expect(throws: SMTPError.self) { try parser.feed("550 two") }
    }

    @Test func configurationReadsTheURLAndRefusesUnsafeSettings() throws {
        let starttls = try SMTPConfiguration(url: "smtp://mail.example.jp", from: "hub@example.jp")
        let implicit = try SMTPConfiguration(url: "smtps://mail.example.jp", from: "hub@example.jp")
        let plain = try SMTPConfiguration(url: "smtp+plain://127.0.0.1:2525", from: "hub@example.jp", credentials: .init(user: "u", password: "p"))

        #expect(starttls.security == .startTLS && starttls.port == 587)
        #expect(implicit.security == .implicitTLS && implicit.port == 465)
        #expect(plain.security == .plain && plain.port == 2525 && plain.displayURL == "smtp+plain://127.0.0.1:2525")
        #expect(!"\(plain.credentials!)".contains("p>") && "\(plain.credentials!)".contains("redacted"))
        for (url, from, words) in [
            ("http://mail.example.jp", "hub@example.jp", "smtp://"),
            ("smtp://user:secret@mail.example.jp", "hub@example.jp", "--smtp-password-file"),
            ("smtp://mail.example.jp", "not-an-address", "--smtp-from"),
        ] {
            #expect { try SMTPConfiguration(url: url, from: from) } throws: { "\($0)".contains(words) }
        }
        #expect { try SMTPConfiguration(url: "smtp+plain://mail.example.jp", from: "hub@example.jp", credentials: .init(user: "u", password: "p")) } throws: {
            "\($0)".contains("unencrypted")
        }
    }
}
