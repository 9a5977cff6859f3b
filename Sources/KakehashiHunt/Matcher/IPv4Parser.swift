/// glibc `inet_aton`: one to four parts, each decimal, octal (`0…`) or hex (`0x…`).
enum IPv4Parser {
    static func inetAton(_ text: String) -> UInt32? {
        inetAton(Array(text.utf8)[...])
    }

    static func inetAton(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        let bytes = Array(bytes)
        var index = 0
        var parts: [UInt64] = []
        var value: UInt64 = 0
        while true {
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
            value = 0
            var base: UInt64 = 10
            var sawDigit = false
            if bytes[index] == 0x30 {
                index += 1
                if index < bytes.count, bytes[index] == 0x78 || bytes[index] == 0x58 {
                    base = 16
                    index += 1
                } else {
                    base = 8
                    sawDigit = true
                }
            }
            while index < bytes.count {
                let c = bytes[index]
                let digit: UInt64
                if (0x30...0x39).contains(c) {
                    if base == 8 && c >= 0x38 { return nil }
                    digit = UInt64(c - 0x30)
                } else if base == 16, let hex = hexDigit(c) {
                    digit = hex
                } else {
                    break
                }
                value = value * base + digit
                guard value <= 0xFFFF_FFFF else { return nil }
                sawDigit = true
                index += 1
            }
            if index < bytes.count, bytes[index] == 0x2E {
                guard parts.count < 3, value <= 0xFF else { return nil }
                parts.append(value)
                index += 1
                continue
            }
            if index < bytes.count, ![0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[index]) { return nil }
            guard sawDigit else { return nil }
            break
        }
        let limits: [UInt64] = [0xFFFF_FFFF, 0xFF_FFFF, 0xFFFF, 0xFF]
        guard value <= limits[parts.count] else { return nil }
        var result = value
        for (position, part) in parts.enumerated() { result |= part << (24 - 8 * UInt64(position)) }
        return UInt32(result)
    }

    private static func hexDigit(_ c: UInt8) -> UInt64? {
        switch c {
        case 0x30...0x39: UInt64(c - 0x30)
        case 0x41...0x46: UInt64(c - 0x41 + 10)
        case 0x61...0x66: UInt64(c - 0x61 + 10)
        default: nil
        }
    }
}
