/// Which Suricata EVE JSON paths carry which observable (alert, flow, dns v1/v2/v3, http, tls,
/// fileinfo, smtp/email events). Array items keep their parent's path.
public enum EVEFieldRoles {
    /// Dotted EVE path to role.
    public static let table: [String: FieldRole] = [
        "timestamp": .timestamp,
        "src_ip": .srcIP, "dest_ip": .dstIP,
        "src_port": .srcPort, "dest_port": .dstPort,
        "proto": .proto,
        "dns.rrname": .domain, "dns.queries.rrname": .domain,
        "dns.answers.rrname": .domain, "dns.answers.rdata": .answer, "dns.rdata": .answer,
        "dns.grouped.A": .ip, "dns.grouped.AAAA": .ip, "dns.grouped.CNAME": .domain,
        "http.hostname": .host, "http.url": .uri,
        "tls.sni": .domain,
        "fileinfo.md5": .md5, "fileinfo.sha1": .sha1, "fileinfo.sha256": .sha256,
        "smtp.mail_from": .email, "smtp.rcpt_to": .email,
        "email.from": .email, "email.to": .email,
    ]
}
