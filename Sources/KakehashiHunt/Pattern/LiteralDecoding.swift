/// Decoders for the binary encodings used by pattern literals (`h'…'`, `b'…'`) and by STIX
/// properties whose names end in `_hex` or `_bin`. Both follow CPython's `binascii` so that
/// values decode exactly as in the reference matcher.
enum LiteralDecoding {
    /// Decodes an even-length run of hex digits (either case); `nil` otherwise.
    static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for unit in text.utf8 {
            guard let nibble = hexValue(unit) else { return nil }
            if let pending = high {
                bytes.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return high == nil ? bytes : nil
    }

    private static func hexValue(_ unit: UInt8) -> UInt8? {
        switch unit {
        case 0x30...0x39: unit - 0x30
        case 0x41...0x46: unit - 0x41 + 10
        case 0x61...0x66: unit - 0x61 + 10
        default: nil
        }
    }

    /// Decodes base64 like Python's `base64.standard_b64decode`: characters outside the alphabet
    /// are skipped, decoding stops at complete padding, and a dangling partial quad is an error
    /// (`nil`). Non-ASCII input is an error too.
    static func base64Bytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var quadPosition = 0
        var leftover: UInt32 = 0
        var pads = 0
        for unit in text.unicodeScalars.map(\.value) {
            guard unit < 0x80 else { return nil }
            if unit == 0x3D {
                pads += 1
                if quadPosition >= 2 && quadPosition + pads >= 4 { return bytes }
                continue
            }
            guard let value = base64Value(unit) else { continue }
            pads = 0
            switch quadPosition {
            case 0:
                leftover = value
                quadPosition = 1
            case 1:
                bytes.append(UInt8(truncatingIfNeeded: leftover << 2 | value >> 4))
                leftover = value & 0x0F
                quadPosition = 2
            case 2:
                bytes.append(UInt8(truncatingIfNeeded: leftover << 4 | value >> 2))
                leftover = value & 0x03
                quadPosition = 3
            default:
                bytes.append(UInt8(truncatingIfNeeded: leftover << 6 | value))
                leftover = 0
                quadPosition = 0
            }
        }
        return quadPosition == 0 ? bytes : nil
    }

    private static func base64Value(_ unit: UInt32) -> UInt32? {
        switch unit {
        case 0x41...0x5A: unit - 0x41
        case 0x61...0x7A: unit - 0x61 + 26
        case 0x30...0x39: unit - 0x30 + 52
        case 0x2B: 62
        case 0x2F: 63
        default: nil
        }
    }
}
