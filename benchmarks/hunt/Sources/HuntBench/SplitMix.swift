/// A tiny deterministic PRNG (SplitMix64) so generated data is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stateless hash of (i, salt), for values that must not depend on how many were generated.
    static func hash(_ i: Int, _ salt: UInt64) -> UInt64 {
        var g = SplitMix(seed: UInt64(i) &* 0x2545_F491_4F6C_DD1D ^ salt &* 0x9E37_79B9_7F4A_7C15)
        return g.next()
    }
}
