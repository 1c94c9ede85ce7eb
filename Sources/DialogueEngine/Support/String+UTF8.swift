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
    func containsBytes(_ needle: String) -> Bool {
        utf8.firstRange(of: needle.utf8) != nil
    }
}
