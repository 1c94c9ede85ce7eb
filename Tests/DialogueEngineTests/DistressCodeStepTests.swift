import Testing

@testable import DialogueEngine

/// The walk's 8-byte steps (`DistressCode.Step`): an op and its mask, the mask kept as classes of
/// first byte, which may only ever let more through than the mask did.
@Suite struct DistressCodeStepTests {
    /// The classes a mask allows, byte by byte: what `Mask.classes` works out with bit operations.
    static func slowClasses(_ mask: DistressCode.Mask) -> UInt32 {
        var classes: UInt32 = 0
        for byte in 0...255 where mask.allows(UInt8(byte)) { classes |= 1 << DistressCode.byteClass(UInt8(byte)) }
        return classes
    }

    @Test func eachByteIsInItsOwnClass() {
        for byte in 0...255 {
            var mask = DistressCode.Mask()
            mask.insert(UInt8(byte))
            #expect(mask.classes == 1 << DistressCode.byteClass(UInt8(byte)), "\(byte)")
            #expect(DistressCode.Step(.words(0), mask, at: 0).allows(UInt8(byte)), "\(byte)")
        }
        #expect(DistressCode.byteClass(UInt8(ascii: "a")) == 0 && DistressCode.byteClass(UInt8(ascii: "z")) == 25)
        #expect(DistressCode.byteClass(UInt8(ascii: "0")) == 26 && DistressCode.byteClass(UInt8(ascii: "9")) == 26)
        #expect(DistressCode.byteClass(UInt8(ascii: "A")) == 27 && DistressCode.byteClass(0xC3) == 27)
    }

    @Test func aStepNeverRulesOutWhatItsMaskAllows() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var mask = DistressCode.Mask()
            for _ in 0..<Int.random(in: 0...6, using: &generator) { mask.insert(UInt8.random(in: 0...255, using: &generator)) }
            #expect(mask.classes == Self.slowClasses(mask))
            let step = DistressCode.Step(.words(3), mask, at: 7)
            for byte in 0...255 where mask.allows(UInt8(byte)) { #expect(step.allows(UInt8(byte))) }
            #expect(step.kind == DistressCode.Step.words && step.target == 3 && !step.any)
        }
    }

    @Test func everyKindOfOpKeepsWhatItNeeds() {
        var any = DistressCode.Mask()
        any.bits.4 = true
        let split = DistressCode.Step(.split(6, 11), any, at: 5)
        #expect(split.kind == DistressCode.Step.split && split.target == 11 && split.any)
        #expect(DistressCode.Step(.jump(40), any, at: 2).target == 40)
        #expect(DistressCode.Step(.gap, any, at: 2).kind == DistressCode.Step.gap)
        #expect(DistressCode.Step(.end, any, at: 2).kind == DistressCode.Step.end)
        #expect(DistressCode.Step(.done, any, at: 2).kind == DistressCode.Step.done)
    }
}
