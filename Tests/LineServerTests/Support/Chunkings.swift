/// Ways to cut a byte string into chunks, as a network might deliver it.
///
/// Up to 14 bytes: every possible cutting (2^(n-1)). Longer: whole, one byte at a time, every cut
/// into two and into three pieces, and 200 random cuttings (seeded, so failures repeat).
enum Chunkings {
    static func all(_ bytes: [UInt8]) -> [[[UInt8]]] {
        let n = bytes.count
        guard n > 1 else { return [[bytes]] }
        if n <= 14 {
            return (0..<(1 << (n - 1))).map { mask in cut(bytes, at: (1..<n).filter { mask & (1 << ($0 - 1)) != 0 }) }
        }
        var out: [[[UInt8]]] = [[bytes], bytes.map { [$0] }]
        for i in 1..<n {
            out.append(cut(bytes, at: [i]))
            for j in (i + 1)..<n where j < n { out.append(cut(bytes, at: [i, j])) }
        }
        var rng = SeededGenerator(seed: UInt64(n))
        for _ in 0..<200 {
            let cuts = (1..<n).filter { _ in rng.next() % 4 == 0 }
            out.append(cut(bytes, at: cuts))
        }
        return out
    }

    static func cut(_ bytes: [UInt8], at cuts: [Int]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0
        for c in cuts + [bytes.count] {
            pieces.append(Array(bytes[start..<c]))
            start = c
        }
        return pieces
    }
}

/// SplitMix64: a small repeatable random source.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
