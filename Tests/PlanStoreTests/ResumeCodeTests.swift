import Testing
@testable import PlanStore
@testable import TandemStore

@Suite("Resume codes")
struct ResumeCodeTests {
    @Test("The store keeps a code as the SHA-256 of its canonical digits, however it was typed")
    func hash() throws {
        let expected = "a49d71d9ac44b0b800f1d461e002b9b47482d8b697738dd780e8114f23959130"
        for typed in ["K7QM-3XRT-9PAE", "k7qm3xrt9pae", " k7qm 3xrt 9pae "] {
            #expect(ResumeCode.hash(canonical: try #require(ResumeCode.canonical(typed))) == expected)
        }
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
