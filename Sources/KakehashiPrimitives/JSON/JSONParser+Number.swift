extension JSONParser {
    /// Reads a number per RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        let isNegative = bytes[position] == UInt8(ascii: "-")
        if isNegative { position += 1 }
        guard let first = peek(), isDigit(first) else { throw failure("expected a digit in number") }
        var magnitude: UInt64 = 0
        var overflowed = false
        if first == UInt8(ascii: "0") {
            position += 1
            if let next = peek(), isDigit(next) { throw failure("leading zeros are not allowed in numbers") }
        } else {
            while let byte = peek(), isDigit(byte) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                overflowed = overflowed || o1 || o2
                magnitude = sum
                position += 1
            }
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard let byte = peek(), isDigit(byte) else { throw failure("expected a digit after '.' in number") }
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard let byte = peek(), isDigit(byte) else { throw failure("expected a digit in number exponent") }
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if isInteger && !overflowed {
            if !isNegative, magnitude <= UInt64(Int64.max) { return JSONNumber(Int64(magnitude)) }
            if isNegative, magnitude <= UInt64(Int64.max) + 1 { return JSONNumber(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger { return JSONNumber(bigIntegerText: text) }
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(offset: start, reason: "number \(text) is out of range")
        }
        return JSONNumber(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
