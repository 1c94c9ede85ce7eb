import Testing

@testable import DialogueEngine

/// Welsh for "I'm not safe", "I don't feel safe" and "I can't keep myself safe": North and South
/// forms, with and without mutations, apostrophes and accents, for the person typing and for
/// someone else; and everyday Welsh uses of "diogel" and "saff" that must stay quiet. Written by
/// the developers, not by Welsh speakers: docs/safety.md asks for a Welsh speaker's review.
@Suite struct DistressWelshSafetyTests {
    static var matcher: DistressMatcher { DistressMatcherTests.matcher }

    @Test("not safe, in Welsh, about the person typing", arguments: [
        "Dw i ddim yn ddiogel", "dwi ddim yn ddiogel heno", "Dydw i ddim yn ddiogel", "dwi ddim yn diogel",
        "Dwi ddim yn teimlo'n ddiogel", "dwi ddim yn teimlo’n saff", "dwim yn teimlon saff", "dwi'm yn saff o gwbl",
        "Dydw i ddim yn teimlo'n ddiogel adref", "Sa i'n teimlo'n saff", "Smo fi'n teimlo'n ddiogel", "Nid wyf yn teimlo'n ddiogel",
        "dwi ddim yn teimlo yn diogel", "DWI DDIM YN SAFF", "Rwy ddim yn teimlo'n ddiogel",
        "Dw i'n teimlo'n anniogel", "dwin teimlon anniogel iawn",
        "Alla i ddim cadw fy hun yn ddiogel", "Fedra i ddim cadw fy hun yn saff", "dwi methu cadw fy hun yn saff",
        "Dwi ddim yn gallu cadw fy hunan yn ddiogel heno", "Fedra i'm cadw'n hun yn saff",
        "dwi ddim yn siŵr os galla i gadw fy hun yn ddiogel",
    ])
    func notSafe(_ line: String) {
        #expect(Self.matcher.match(line)?.concern == .person, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("not safe, in Welsh, about someone else", arguments: [
        "Dydy o ddim yn ddiogel", "Dyw e ddim yn saff", "dyw hi ddim yn teimlo'n ddiogel", "Dydy fy merch ddim yn ddiogel",
        "Alla i ddim cadw fy mab yn ddiogel", "Dydy hi ddim yn gallu cadw ei hun yn ddiogel",
    ])
    func someoneElseNotSafe(_ line: String) {
        #expect(Self.matcher.match(line)?.concern == .someoneElse, "\(line): \(String(describing: Self.matcher.match(line)))")
    }

    @Test("everyday Welsh uses of safe stay quiet", arguments: [
        "Dw i'n teimlo'n ddiogel", "Dwi'n teimlo'n saff adra rŵan", "Mae'n ddiogel i adael mam am awr", "Cadwch yn ddiogel",
        "Hyfforddiant diogelwch tân", "Dydy'r ffordd ddim yn ddiogel yn yr eira", "Rydw i'n gallu cadw fy hun yn ddiogel",
        "Dwi'n cadw fy hun yn ddiogel drwy fynd am dro", "Dwi ddim yn teimlo'n ddiogel yn gyrru yn y tywyllwch",
        "Dwi ddim yn ddiogel i yrru ar y tabledi yma", "so i feel safe now", "Mae'r tŷ yn ddiogel nawr",
    ])
    func quiet(_ line: String) {
        #expect(Self.matcher.match(line) == nil, "\(line): \(Self.matcher.match(line)?.patterns ?? [])")
    }
}
