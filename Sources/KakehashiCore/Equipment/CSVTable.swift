import Foundation

/// An RFC 4180 reader: records of fields, each field remembering the physical line it started on.
struct CSVTable {
    struct Field {
        let value: String
        let line: Int
    }

    struct Failure: Error {
        let line: Int
        let column: Int
        let rule: String
    }

    let records: [[Field]]

    /// Parses `text`. Accepts CRLF or LF line ends, quoted fields with doubled quotes and embedded
    /// newlines; a quote inside an unquoted field, or an unterminated quoted field, is an error.
    init(parsing text: String) throws(Failure) {
        var records: [[Field]] = []
        var record: [Field] = []
        var field = ""
        var line = 1, fieldLine = 1
        var quoted = false, wasQuoted = false, afterQuote = false
        let characters = Array(text.unicodeScalars)
        var index = characters.startIndex
        if characters.first == "\u{FEFF}" { index += 1 }
        func endField() {
            record.append(Field(value: field, line: fieldLine))
            field = ""
            wasQuoted = false
            afterQuote = false
            fieldLine = line
        }
        while index < characters.count {
            let scalar = characters[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "," {
                endField()
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r", index + 1 < characters.count, characters[index + 1] == "\n" { index += 1 }
                endField()
                records.append(record)
                record = []
                line += 1
                fieldLine = line
            } else if scalar == "\"" {
                guard field.isEmpty, !wasQuoted else {
                    throw Failure(line: line, column: record.count + 1, rule: "a quote may appear only at the start of a field or doubled inside a quoted field")
                }
                quoted = true
                wasQuoted = true
            } else {
                if afterQuote {
                    throw Failure(line: line, column: record.count + 1, rule: "text after the closing quote of a quoted field")
                }
                field.unicodeScalars.append(scalar)
            }
            index += 1
        }
        if quoted {
            throw Failure(line: fieldLine, column: record.count + 1, rule: "quoted field is not closed before the end of the input")
        }
        if !field.isEmpty || wasQuoted || !record.isEmpty {
            endField()
            records.append(record)
        }
        self.records = records
    }

    /// Quotes a field when RFC 4180 requires it.
    static func escape(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
