/// An Aho–Corasick automaton finding every stored literal inside a value in one pass, used as the
/// prefilter for `LIKE` and `MATCHES`. Small automata get a dense transition table (one array read
/// per byte); large ones keep a hash map of goto edges and follow failure links.
public struct SubstringAutomaton: Sendable {
    private var edges: [UInt64: Int32] = [:]
    private var fail: [Int32] = [0]
    private var output: [Int32] = [-1]
    private var outputLink: [Int32] = [-1]
    private var dense: [Int32] = []
    private var built = false
    /// Number of literals added.
    public private(set) var literalCount = 0

    /// An empty automaton.
    public init() {}

    /// Whether no literal was added.
    public var isEmpty: Bool { literalCount == 0 }

    /// Adds `literal` (non-empty) with `termID`. Call `build()` after the last one.
    public mutating func add(_ literal: [UInt8], termID: UInt32, postings: inout PostingLists) {
        precondition(!built, "add after build")
        var state: Int32 = 0
        for byte in literal {
            let key = UInt64(UInt32(bitPattern: state)) << 8 | UInt64(byte)
            if let next = edges[key] { state = next; continue }
            let next = Int32(fail.count)
            fail.append(0); output.append(-1); outputLink.append(-1)
            edges[key] = next
            state = next
        }
        output[Int(state)] = postings.push(termID, onto: output[Int(state)])
        literalCount += 1
    }

    /// Computes failure and output links (breadth first) and the dense table when small enough.
    public mutating func build(denseLimit: Int = 16_384) {
        var children = [[(UInt8, Int32)]](repeating: [], count: fail.count)
        for (key, child) in edges { children[Int(key >> 8)].append((UInt8(key & 0xFF), child)) }
        var queue: [Int32] = children[0].map { $0.1 }
        var qi = 0
        while qi < queue.count {
            let s = queue[qi]; qi += 1
            for (byte, child) in children[Int(s)] {
                queue.append(child)
                var f = fail[Int(s)]
                while f > 0 && edges[key(f, byte)] == nil { f = fail[Int(f)] }
                let target = s == 0 ? 0 : (edges[key(f, byte)] ?? 0)
                fail[Int(child)] = target == child ? 0 : target
                let ft = Int(fail[Int(child)])
                outputLink[Int(child)] = output[ft] >= 0 ? Int32(ft) : outputLink[ft]
            }
        }
        if fail.count <= denseLimit {
            dense = Array(repeating: 0, count: fail.count * 256)
            // Fill in BFS order so a state's failure row is complete before it is copied.
            for s in [Int32(0)] + queue {
                for byte in 0..<256 {
                    if let next = edges[key(s, UInt8(byte))] { dense[Int(s) * 256 + byte] = next }
                    else if s != 0 { dense[Int(s) * 256 + byte] = dense[Int(fail[Int(s)]) * 256 + byte] }
                }
            }
        }
        built = true
    }

    @inline(__always)
    private func key(_ s: Int32, _ b: UInt8) -> UInt64 { UInt64(UInt32(bitPattern: s)) << 8 | UInt64(b) }

    /// Calls `body` with the posting head of every literal occurring in `text` (once per occurrence).
    @inline(__always)
    public func forEachMatch(_ text: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
        guard built, literalCount > 0 else { return }
        var s: Int32 = 0
        for byte in text {
            if !dense.isEmpty {
                s = dense[Int(s) * 256 + Int(byte)]
            } else {
                while true {
                    if let next = edges[key(s, byte)] { s = next; break }
                    if s == 0 { break }
                    s = fail[Int(s)]
                }
            }
            var o = output[Int(s)] >= 0 ? s : outputLink[Int(s)]
            while o >= 0 {
                body(output[Int(o)])
                o = outputLink[Int(o)]
            }
        }
    }

    /// Bytes used, for memory reports (approximate).
    public var memoryBytes: Int { edges.count * 24 + fail.count * 12 + dense.count * 4 }
}
