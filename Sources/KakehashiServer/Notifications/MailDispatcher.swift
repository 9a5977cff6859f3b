import Foundation
import KakehashiCore
import KakehashiStorage
import Logging
import ServiceLifecycle

/// The background service that sends the e-mail outbox over SMTP and records every attempt.
///
/// `kakehashi serve` runs it beside the HTTP server only when `--smtp-url` is given; tests call
/// ``runOnce(now:)`` directly. A 5xx reply gives a message up at once; anything else (4xx, no
/// connection, a timeout) is retried by the ``RetryPolicy``, and the last reply is kept.
public struct MailDispatcher: Service {
    let outbox: EmailOutbox
    let transport: any MailTransport
    let from: EmailAddress
    let policy: RetryPolicy
    let interval: Duration
    let lease: TimeInterval
    let logger: Logger

    /// - Parameters:
    ///   - interval: how long to wait between looks at the outbox.
    ///   - lease: how long a claimed message is left to this dispatcher; longer than one SMTP session can take.
    public init(database: HubDatabase, transport: any MailTransport, from: EmailAddress, policy: RetryPolicy = .standard,
                interval: Duration = .seconds(10), lease: TimeInterval = 600, logger: Logger) {
        self.outbox = EmailOutbox(database: database)
        self.transport = transport
        self.from = from
        self.policy = policy
        self.interval = interval
        self.lease = lease
        self.logger = logger
    }

    /// A dispatcher sending through ``SMTPClient`` with `configuration`.
    public init(database: HubDatabase, configuration: SMTPConfiguration, policy: RetryPolicy = .standard, logger: Logger) {
        self.init(database: database, transport: SMTPClient(configuration: configuration, logger: logger), from: configuration.from, policy: policy, logger: logger)
    }

    public func run() async throws {
        await PeriodicWork.run(every: interval, logger: logger, failure: "mail dispatch failed") {
            _ = try await runOnce(now: Date())
        }
    }

    /// Sends every due message once.
    /// - Returns: how many messages were sent and how many attempts failed.
    @discardableResult
    public func runOnce(now: Date) async throws -> (sent: Int, failed: Int) {
        var sent = 0, failed = 0
        for due in try await outbox.claimDue(now: now, lease: lease) {
            let attempt = due.message.attempts + 1
            do {
                let delivery = try await transport.send(mailMessage(for: due, now: now))
                let note = delivery.refused.isEmpty ? nil : delivery.refused.map(\.description).joined(separator: "; ")
                try await outbox.recordAttempt(id: due.message.id, sent: true, recipients: delivery.accepted.map(\.value), error: note, retryAt: nil, now: Date())
                sent += 1
                logger.info("mail sent", metadata: ["mail.message": "\(due.message.id)", "mail.attempt": "\(attempt)", "mail.recipients": "\(delivery.accepted.count)"])
            } catch {
                let permanent = (error as? SMTPError)?.isPermanent ?? false
                let retryAt = permanent ? nil : policy.retryTime(afterAttempt: attempt, now: Date())
                try await outbox.recordAttempt(id: due.message.id, sent: false, error: "\(error)", retryAt: retryAt, now: Date())
                failed += 1
                logger.warning("mail not sent", metadata: [
                    "mail.message": "\(due.message.id)", "mail.attempt": "\(attempt)", "mail.error": "\(error)",
                    "mail.retry": "\(retryAt.map { "\($0)" } ?? "given up")",
                ])
            }
        }
        return (sent, failed)
    }

    /// The message for a claimed outbox row; its Message-ID stays the same on every retry.
    func mailMessage(for due: DueEmail, now: Date) -> MailMessage {
        let domain = from.value.split(separator: "@").last.map(String.init) ?? "kakehashi"
        return MailMessage(from: from, to: due.recipients, subject: due.message.subject, body: due.message.body,
                           date: now, messageID: "\(due.message.id.uuidString.lowercased())@\(domain)")
    }
}
