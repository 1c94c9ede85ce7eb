import Testing
@testable import PlanStore

@Suite("Resume codes")
struct ResumeCodeTests {
    @Test("SHA-256 matches the NIST test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test("A code is three groups of four Crockford digits")
    func shape() {
        for _ in 0..<200 {
            let code = ResumeCode.make()
            let groups = code.split(separator: "-")
            #expect(groups.count == 3)
            #expect(groups.allSatisfy { $0.count == 4 })
            #expect(code.replacingOccurrences(of: "-", with: "").allSatisfy { ResumeCode.alphabet.contains($0) })
            #expect(!code.contains { "ILOU".contains($0) })
        }
    }

    @Test("Codes are not repeated (60 random bits)")
    func unique() {
        let codes = Set((0..<5000).map { _ in ResumeCode.make() })
        #expect(codes.count == 5000)
    }

    @Test("Every digit appears: the bits are used evenly")
    func allDigitsUsed() {
        let seen = Set((0..<500).flatMap { _ in Array(ResumeCode.make()) })
        #expect(seen.count == 33)  // 32 digits and the dash
    }

    @Test("Typing is forgiving: case, dashes, spaces, and look-alike letters")
    func canonical() {
        #expect(ResumeCode.canonical("K7QM-3XRT-9PAE") == "K7QM3XRT9PAE")
        #expect(ResumeCode.canonical(" k7qm 3xrt 9pae ") == "K7QM3XRT9PAE")
        #expect(ResumeCode.canonical("k7qm-3xrt-9pae") == "K7QM3XRT9PAE")
        #expect(ResumeCode.canonical("OIL") == "011")
        #expect(ResumeCode.canonical("U") == nil)
        #expect(ResumeCode.canonical("abc!") == nil)
        #expect(ResumeCode.canonical("--") == nil)
    }

    @Test("The hash does not depend on how the code was typed")
    func hashIsCanonical() {
        let a = ResumeCode.hash(canonical: ResumeCode.canonical("K7QM-3XRT-9PAE")!)
        let b = ResumeCode.hash(canonical: ResumeCode.canonical("k7qm3xrt9pae")!)
        #expect(a == b)
        #expect(a.count == 64)
        #expect(!a.contains("K7QM"))
    }

    @Test("Plan ids are eight lowercase Crockford digits")
    func ids() {
        let id = ResumeCode.makeID()
        #expect(id.count == 8)
        #expect(id == id.lowercased())
    }
}
