/// Which Zeek field names (conn, dns, http, ssl, files, smtp) carry which observable, shared by the
/// tab-separated and JSON Zeek readers. Names not listed are ignored.
public enum ZeekFieldRoles {
    /// Zeek field name to role.
    public static let table: [String: FieldRole] = [
        "ts": .timestamp,
        "id.orig_h": .srcIP, "id.resp_h": .dstIP,
        "id.orig_p": .srcPort, "id.resp_p": .dstPort,
        "proto": .proto,
        "query": .domain, "answers": .answer,
        "host": .host, "uri": .uri,
        "server_name": .domain,
        "md5": .md5, "sha1": .sha1, "sha256": .sha256,
        "tx_hosts": .ip, "rx_hosts": .ip,
        "mailfrom": .email, "rcptto": .email,
    ]
}
