extension LogEvent {
    /// Adds one value of `role` taken from a log field; returns a reason when the value is unusable.
    /// Callers skip unset/empty markers and split lists before calling.
    public mutating func add(_ role: FieldRole, _ value: UnsafeBufferPointer<UInt8>) -> String? {
        switch role {
        case .timestamp:
            // Checked now (a bad time makes the line malformed), converted when first read.
            guard TimestampParser.isValid(value) else { return "bad timestamp" }
            timestampRange = (appendBytes(value), Int32(value.count))
            timestampValue = nil
        case .srcIP, .dstIP, .ip:
            if let v4 = AddressSyntax.parseIPv4(value) {
                append(.ipv4, value, v4: v4)
            } else if AddressSyntax.parseIPv6(value) != nil {
                append(.ipv6, value)
            } else {
                return "\(role.rawValue) is not an IP address"
            }
            if role == .srcIP { srcIP = fields.count - 1 } else if role == .dstIP { dstIP = fields.count - 1 }
        case .srcPort, .dstPort:
            guard let port = Self.port(value) else { return "\(role.rawValue) is not a port number" }
            if role == .srcPort { srcPort = port } else { dstPort = port }
        case .proto:
            proto = (appendLowercased(value), Int32(value.count))
        case .domain:
            append(.domain, value)
        case .answer:
            appendAddressOrDomain(value)
        case .host:
            appendAddressOrDomain(value)
            hostRange = (fields[fields.count - 1].start, Int32(value.count))
        case .uri:
            uriRange = (appendBytes(value), Int32(value.count))
        case .url:
            append(.url, value)
        case .md5: append(.md5, value)
        case .sha1: append(.sha1, value)
        case .sha256: append(.sha256, value)
        case .hash:
            switch value.count {
            case 32: append(.md5, value)
            case 40: append(.sha1, value)
            case 64: append(.sha256, value)
            default: return "hash has \(value.count) characters, not 32, 40 or 64"
            }
        case .email:
            var slice = value
            if let open = value.firstIndex(of: UInt8(ascii: "<")),
               let close = value[open...].firstIndex(of: UInt8(ascii: ">")) {
                slice = UnsafeBufferPointer(rebasing: value[(open + 1)..<close])
            }
            guard slice.contains(UInt8(ascii: "@")) else { return "email has no @" }
            append(.email, slice)
        }
        return nil
    }

    /// Completes the record: joins a pending HTTP host and request target into a URL.
    public mutating func finish() {
        guard uriRange.count > 0 else { return }
        let uri = arena[Int(uriRange.start)..<Int(uriRange.start + uriRange.count)]
        if uri.first != UInt8(ascii: "/") {
            // Proxy-style absolute target such as "http://host/path".
            if uri.contains(UInt8(ascii: ":")) {
                appendField(Field(kind: .url, start: uriRange.start, count: uriRange.count))
            }
            return
        }
        guard hostRange.count > 0 else { return }
        let joined = appendJoined("http://", [hostRange, uriRange])
        appendField(Field(kind: .url, start: joined.start, count: joined.count))
    }

    /// Appends an address (remembering a parsed IPv4) or else a domain name.
    mutating func appendAddressOrDomain(_ value: UnsafeBufferPointer<UInt8>) {
        if let v4 = AddressSyntax.parseIPv4(value) {
            append(.ipv4, value, v4: v4)
        } else {
            append(AddressSyntax.parseIPv6(value) != nil ? .ipv6 : .domain, value)
        }
    }

    @inline(__always)
    mutating func append(_ kind: ObservableKind, _ value: UnsafeBufferPointer<UInt8>, v4: UInt32 = 0) {
        appendValue(kind, value, v4: v4)
    }

    @inline(__always)
    static func port(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
        let n = b.count
        guard n > 0, n <= 5, let p = b.baseAddress else { return nil }
        var v: Int32 = 0
        for i in 0..<n {
            let d = p[i] &- 48
            guard d < 10 else { return nil }
            v = v &* 10 &+ Int32(d)
        }
        return v <= 65_535 ? v : nil
    }
}
