extension String {
    /// Whether every UTF-8 byte passes the test. A native string is scanned in place; going
    /// through `utf8`'s iterator costs about 30 instructions a byte, and every line shown is
    /// scanned like this.
    @inline(__always)
    func allUTF8(_ test: (UInt8) -> Bool) -> Bool {
        if let all = utf8.withContiguousStorageIfAvailable({ bytes in
            for b in bytes where !test(b) { return false }
            return true
        }) {
            return all
        }
        return utf8.allSatisfy(test)
    }
}

extension String {
    /// Whether `needle` occurs in the string, byte for byte: for an ASCII needle (a step id's word,
    /// " and "), what Foundation's `contains(_:)` answers, without going through `NSString`; the
    /// greeting and every plan's export ask this.
    ///
    /// A plain search over the bytes in place: the standard library's generic `firstRange(of:)`
    /// cost about 1% of a server's CPU here, for a handful of short ids.
    func containsBytes(_ needle: String) -> Bool {
        var hay = self, needle = needle
        return hay.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard h.count >= n.count else { return false }
                var i = 0
                while i <= h.count - n.count {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

extension String {
    /// The string cut at each newline byte, empty pieces kept (what
    /// `utf8.split(separator: 0x0A, omittingEmptySubsequences: false)` gives), in one pass over the
    /// bytes in place: the generic split cost 1% of a server's CPU, cutting every plan shown.
    func newlineSeparated() -> [String] {
        var text = self
        return text.withUTF8 { bytes in
            var out: [String] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return out
        }
    }
}
