/// A JSON document held in memory, as parsed from the wire.
///
/// Objects are unordered (`[String: JSONValue]`); serialization sorts their keys so that
/// the same value always gives the same bytes. Numbers keep integers exact (see ``JSONNumber``).
///
/// ```swift
/// let value = try JSONValue.parse(#"{"type":"indicator","confidence":85}"#)
/// value["type"]?.stringValue           // "indicator"
/// value["confidence"]?.int64Value      // 85
/// value.serialized()                   // {"confidence":85,"type":"indicator"}
/// ```
public enum JSONValue: Sendable, Hashable {
    /// `null`
    case null
    /// `true` or `false`
    case bool(Bool)
    /// A number; see ``JSONNumber``.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; keys are unique.
    case object([String: JSONValue])
}

extension JSONValue {
    /// An integer value.
    @inlinable
    public static func int(_ value: Int64) -> JSONValue { .number(JSONNumber(value)) }

    /// A floating-point value (must be finite).
    @inlinable
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// The member `key` of an object; `nil` if absent or if this is not an object.
    /// Setting on a non-object does nothing; setting `nil` removes the member.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members[key]
        }
        set {
            guard case .object(var members) = self else { return }
            self = .null  // drop the reference so `members` is uniquely owned
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The element at `index` of an array; `nil` if out of range or if this is not an array.
    @inlinable
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The string, if this is a string.
    @inlinable
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is `true` or `false`.
    @inlinable
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number, if this is a number.
    @inlinable
    public var numberValue: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an exact `Int64`, if it is an integral number in range.
    @inlinable
    public var int64Value: Int64? { numberValue?.int64Value }

    /// The number as `Int`, if it is an integral number in range.
    @inlinable
    public var intValue: Int? { int64Value.flatMap { Int(exactly: $0) } }

    /// The number as `Double`, if this is a number.
    @inlinable
    public var doubleValue: Double? { numberValue?.doubleValue }

    /// The elements, if this is an array.
    @inlinable
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    @inlinable
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// True for `null`.
    @inlinable
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON type's name as error messages use it: `null`, `boolean`, `integer`, `number`,
    /// `string`, `array` or `object`.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// Builds an object; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact, key-sorted serialization.
    public var description: String { serialized() }
}
