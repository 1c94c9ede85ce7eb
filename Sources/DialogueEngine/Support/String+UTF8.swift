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
