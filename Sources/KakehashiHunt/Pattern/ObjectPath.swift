/// An object path: an object type and the steps into one of its objects,
/// e.g. `file:extensions.'windows-pebinary-ext'.sections[*].entropy`.
public struct ObjectPath: Sendable, Hashable {
    /// The STIX object type (`file`, `ipv4-addr`, `x-acme-widget`).
    public var objectType: String
    /// The property steps; the first is always a ``PathStep/key(_:)``.
    public var steps: [PathStep]

    /// Creates a path.
    public init(objectType: String, steps: [PathStep]) {
        self.objectType = objectType
        self.steps = steps
    }
}

/// One step of an ``ObjectPath``.
public enum PathStep: Sendable, Hashable {
    /// A property name (`.name`, or quoted `.'x-foo'`).
    case key(String)
    /// A list index (`[0]`). The grammar admits negative indexes; they select nothing.
    case index(Int)
    /// Any list element (`[*]`).
    case anyIndex
}
