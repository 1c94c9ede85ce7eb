import Foundation
import Testing

@testable import DialogueEngine

@Suite("JSON: values, parsing, and events to objects and back")
struct JSONRendererTests {
    static let progress = Progress(part: 2, parts: 7, partTitle: "Your health", question: 4, questions: 20, answered: 3, skipped: 1)
    static let prompt = Prompt(
        step: "energy", text: "How much energy do you have?", kind: .scale, options: [], range: [0, 10], labels: ["0": "none", "10": "lots"],
        hint: "Think about this week.", hasWhy: true, required: false, current: "4 out of 10", progress: progress, itemsSoFar: nil)

    /// One of every event.
    static let events: [Event] = [
        .intro(title: "Looking after me too", text: "You help look after someone.\nIt takes about 20 minutes.", minutes: 20),
        .intro(title: "No minutes", text: "Hello", minutes: nil),
        .section(number: 2, of: 7, title: "Your health"),
        .said("Thank you, Jo."),
        .asked(prompt),
        .asked(Prompt(step: "helps", text: "What helps?", kind: .pickMany, options: [OptionView(number: 1, key: "walk", label: "A walk")], range: nil, labels: nil, hint: nil, hasWhy: false, required: true, current: nil, progress: progress, itemsSoFar: 2)),
        .field(FieldPrompt(step: "contacts", field: "name", record: 2, text: "Their name", kind: .text, options: [], first: true)),
        .invalid("Please type a number from 0 to 10."),
        .itemAdded(step: "helps", count: 3),
        .notice("Skipped for now."),
        .why("It helps us see how you are."),
        .progress(progress),
        .review([ReviewItem(number: 1, step: "name", part: "About you", question: "Your name?", answer: "Jo", skipped: false),
                 ReviewItem(number: 2, step: "age", part: "About you", question: "Age?", answer: nil, skipped: true),
                 ReviewItem(number: 3, step: "helps", part: "What helps", question: "What helps?", answer: "Tea, toast; A walk", skipped: false,
                            entries: ["Tea, toast", "A walk"])]),
        .review([]),
        .finished(Summary(title: "My plan", answered: 12, skipped: 2)),
        .help(finished: false),
        .help(finished: true),
        .export(format: .markdown, text: "# My plan\n\n- one\n"),
        .exported(format: .text, path: "/tmp/plan.txt"),
        .support(SupportDirectory.fallback),
        .checkIn(message: "You are not alone.", support: SupportDirectory.fallback, about: .person),
        .checkIn(message: "That is a lot to carry.", support: SupportDirectory.fallback, about: .someoneElse),
        .checkInReminder(message: "Call 999, Samaritans on 116 123, or NHS 111 and choose option 2.", about: .both),
        .paused(code: "K7QM-3XRT-9PAE", saved: true),
        .paused(code: nil, saved: false),
        .goodbye(code: "K7QM-3XRT-9PAE", finished: false, saved: true),
        .goodbye(code: nil, finished: true, saved: false),
        .menu([DialogueEntry(number: 1, id: "a", title: "A plan", summary: "For you.", audience: ["person", "carer"], minutes: 15)]),
        .failure("I could not save that."),
    ]

    @Test("every event survives the trip to JSON text and back, rendering the same lines", arguments: 0..<events.count)
    func roundTrip(_ i: Int) throws {
        let event = Self.events[i]
        let line = JSONRenderer.encode(event).serialized()
        #expect(!line.contains("\n"), "one object per line")
        let back = try #require(JSONRenderer.decode(try JSONValue.parse(line)))
        let renderer = TextRenderer(width: 60, resumeCommand: "/resume")
        #expect(renderer.render(back) == renderer.render(event))
        if case .support = event {} else if case .checkIn = event {} else {
            #expect(back == event)
        }
    }

    @Test("the shapes programs rely on")
    func shapes() throws {
        #expect(JSONRenderer.encode(.said("Hi")).serialized() == #"{"t":"say","kind":"message","text":"Hi"}"#)
        let ask = JSONRenderer.encode(.asked(Self.prompt))
        #expect(ask["t"] == "ask" && ask["step"] == "energy" && ask["kind"] == "scale")
        #expect(ask["range"] == .array([0, 10]))
        #expect(ask["progress"]?["part"]?.int == 2)
        #expect(JSONRenderer.encode(.paused(code: "AB", saved: true)).serialized() == #"{"t":"bye","kind":"paused","code":"AB","saved":true}"#)
        #expect(JSONRenderer.decode(.object([("t", "hello")])) == nil)
    }

    @Test("controls, C1, bidi and line separators are escaped, so a raw line is safe to show")
    func escaping() throws {
        let nasty = "a\u{1B}[2J\u{07}b\u{9B}c\u{202E}d\u{2028}e\"\\\n\t"
        let line = JSONValue.string(nasty).serialized()
        #expect(line == #""a\u001b[2J\u0007b\u009bc\u202ed\u2028e\"\\\n\t""#)
        #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
        #expect(try JSONValue.parse(line) == .string(nasty))
    }

    @Test("numbers: whole numbers without a fraction")
    func numbers() throws {
        #expect(JSONValue.number(4).serialized() == "4")
        #expect(JSONValue.number(-2.5).serialized() == "-2.5")
        #expect(JSONValue.number(.nan).serialized() == "null")
        #expect(try JSONValue.parse("1e3").int == 1000)
        #expect(try JSONValue.parse(" [1, 2.5, -3] ") == .array([1, .number(2.5), -3]))
    }

    @Test("the parser refuses what is not JSON", arguments: [
        "", "{", "{\"a\":}", "[1,]", "{'a':1}", "tru", "01x", "\"\u{01}\"", "\"\\ud800\"", "{\"a\":1} x", "\"\\q\"", "-", "1.", "[" + String(repeating: "[", count: 40) + "]",
    ])
    func refuses(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(text) }
    }

    @Test("nesting is limited, so a hostile line cannot exhaust the stack")
    func depth() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(deep) }
        let fine = String(repeating: "[", count: 31) + String(repeating: "]", count: 31)
        _ = try JSONValue.parse(fine)
    }

    @Test("unicode escapes and surrogate pairs")
    func unicode() throws {
        #expect(try JSONValue.parse(#""caf\u00e9 \ud83d\ude00""#) == .string("café 😀"))
        #expect(try JSONValue.parse("\"café ☕\"") == .string("café ☕"))
    }
}

@Suite("JSON numbers that cannot be kept as written")
struct JSONNumberTests {
    @Test(arguments: ["1e999", "-1e999", "1e-999", "123456789012345678901234567890", "1234567890123456"])
    func refused(text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.unusableNumber)
        }
    }

    @Test(arguments: [("0", 0.0), ("-0", 0.0), ("123456789012345", 123456789012345.0), ("1e3", 1000.0), ("0.5", 0.5), ("1.5e-300", 1.5e-300), ("000", 0.0), ("-0.0e-400", 0.0)])
    func kept(text: String, value: Double) throws {
        #expect(try JSONValue.parse(text) == .number(value))
    }
}
