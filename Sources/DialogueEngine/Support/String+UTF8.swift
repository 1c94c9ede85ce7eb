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

extension String {
    /// Whether every byte is printable ASCII (space to `~`), a tab or a newline: what
    /// ``Sanitize/text(_:)`` leaves as it is. Eight bytes at a time: every line shown and every
    /// exported plan is checked like this, and byte by byte it was a seventh of an export's work.
    var isPrintableASCII: Bool {
        if let plain = utf8.withContiguousStorageIfAvailable(Self.isPrintableASCII) { return plain }
        return utf8.allSatisfy(Self.isPrintableASCII)
    }

    @inline(__always)
    static func isPrintableASCII(_ b: UInt8) -> Bool { (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x09 }

    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var i = 0
        while i + 8 <= bytes.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte of 0x80 or more; then (all below 0x80) one below 0x20, or one that is 0x7F.
            if x & high != 0 { return false }
            let del = x ^ (0x7F &* ones)
            if ((x &- 0x20 &* ones) & ~x & high) != 0 || ((del &- ones) & ~del & high) != 0 {
                for k in i..<(i + 8) where !isPrintableASCII(bytes[k]) { return false }
            }
            i += 8
        }
        while i < bytes.count {
            if !isPrintableASCII(bytes[i]) { return false }
            i += 1
        }
        return true
    }
}

extension String {
    /// `count` copies of one ASCII byte ("-" under a title, spaces to pad), written at once: the
    /// standard library's `String(repeating:count:)` appends one copy at a time, about 150
    /// instructions each, and every exported plan underlines its title and each section.
    static func repeating(ascii byte: UInt8, count: Int) -> String {
        precondition(byte < 0x80, "not an ASCII byte")
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: byte)
            return count
        }
    }
}
