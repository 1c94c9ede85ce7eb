// bench-cost: fixed amounts of work for scripts/bench-turn-cost, which runs each under
// `valgrind --tool=callgrind` twice (a small and a large count) and divides the difference in
// instructions by the difference in count: instructions per unit, without start-up, and steady
// on a busy machine. Each kind of work has an anchor doing a familiar, comparable job.
//
//   BenchCost turns N      N turns of a plan through Session (the engine, no store)
//   BenchCost shown N      the same turns, each also rendered as the text a door shows (TextRenderer)
//   BenchCost json N       anchor: N JSONSerialization round trips of a turn-sized message
//   BenchCost checkin N    N typed lines heard by the check-in (DistressMatcher), most of them plain answers
//   BenchCost appends N    N durable answers through PlanStore (each on disk before the next)
//   BenchCost export N     N plans shown as text (/export, or a dialogue's last question), contacts included
//   BenchCost check STEPS  load and check one generated dialogue of STEPS steps
//   BenchCost yaml STEPS   anchor: Yams composes the same dialogue, nothing more
import DialogueEngine
import Foundation
import PlanStore
import TandemStore
import Yams

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]), count >= 0 else {
    print("usage: BenchCost turns|shown|json|checkin|appends|export|check|yaml COUNT")
    exit(2)
}
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let dialogues = root.appendingPathComponent("dialogues").path
let today = SimpleDate(year: 2027, month: 1, day: 4)!

/// An answer that every question of the shipped plans takes.
func line(for question: Question, turn: Int) -> String {
    switch question.answer {
    case .text, .list, .records: "Walks by the river with my sister, number \(turn)"
    case .pickOne, .pickMany: "1"
    case .yesNo: "no"
    case .number, .scale: "3"
    case .date: "in 2 weeks"
    }
}

/// A dialogue of `steps` questions, the shape `tandem check` meets in long files.
func generated(_ steps: Int) -> String {
    var text = "dialogue: long\nversion: 1\ntitle: Long\nsections:\n  - id: part\n    title: Part\n    steps:\n"
    for i in 0..<steps {
        text += "      - id: q\(i)\n        ask: Question number \(i)?\n        answer: scale\n        range: [1, 5]\n"
        if i > 0 { text += "        when: q\(i - 1) >= 2\n" }
    }
    return text
}

switch arguments[1] {
case "turns", "shown":
    // The dialogues folder as a server loads it: the check-in hears every line with the words of
    // `check-in.yaml`, not the short built-in list.
    let library = try DialogueLibrary.load(directory: dialogues)
    guard let script = library.scripts.first(where: { $0.id == "my-wellbeing-plan" }) else { exit(1) }
    let support = library.support
    var session = Session(conversation: Conversation(script: script, today: today), support: support)
    session.accept(session.start())
    var done = 0
    let show = arguments[1] == "shown"
    let renderer = TextRenderer(width: 80, resumeCommand: "/resume")
    var shownLines = 0
    defer { if shownLines < 0 { print(shownLines) } }
    while done < count {
        guard let question = session.conversation.currentStep?.question else {
            session = Session(conversation: Conversation(script: script, today: today), support: support)
            session.accept(session.start())
            continue
        }
        // A list or records question ends on an empty line: two turns.
        let first = session.handle(line(for: question, turn: done))
        session.accept(first)
        if show { shownLines += renderer.render(first.events).count }
        done += 1
        if question.answer.isMultiLine, done < count {
            let second = session.handle("")
            session.accept(second)
            if show { shownLines += renderer.render(second.events).count }
            done += 1
        }
    }
case "json":
    var total = 0
    for i in 0..<count {
        let message: [String: Any] = ["t": "ask", "step": "keeps-me-well", "kind": "list", "text": "What helps you to stay well? \(i)",
                                      "hint": "Type one thing on each line.", "progress": ["part": 2, "of": 5, "question": 7]]
        let data = try! JSONSerialization.data(withJSONObject: message)
        total += (try! JSONSerialization.jsonObject(with: data) as! [String: Any]).count
    }
    if total < 0 { print(total) }
case "checkin":
    // Lines as people type them: every answer of the walks `tandem-bench turns` takes (the main
    // transcripts), and some with slips and text-speak, a few that the check-in must hear or must
    // let pass.
    var lines: [String] = []
    let tests = dialogues + "/tests"
    for name in try FileManager.default.contentsOfDirectory(atPath: tests).sorted() where name.hasSuffix("-main.transcript") {
        let text = try String(contentsOfFile: tests + "/" + name, encoding: .utf8)
        lines += text.split(separator: "\n").filter { $0.hasPrefix("> ") && !$0.hasPrefix("> /") }.map { String($0.dropFirst(2)) }
    }
    lines += [
        "Walks by the river with my sister",
        "i get really anxious before appointments and cant sleep",
        "Talking to my mum on the phone, she always knows what to say.",
        "3",
        "no",
        "Music. Cooking a proper meal! Seeing my friend Sam on Fridays",
        "when im low i stop eating and stay in bed all day tbh",
        "I feel like I want to die sometimes",
        "my son says he wants to kill himself",
        "I'd kill for a coffee right now lol",
        "Going to the gym, and the suicide prevention training at work helped",
        "Sleeping badly, skipping meds, not answering messages from anyone",
    ]
    let matcher = try DialogueLibrary.load(directory: dialogues).support.matcher
    var heard = 0
    for i in 0..<count where matcher.match(lines[i % lines.count]) != nil { heard += 1 }
    if heard < 0 { print(heard) }
case "appends":
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cost-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let script = ScriptLoader.load(path: dialogues + "/my-goals.yaml").script else { exit(1) }
    let progress = PlanProgress(Conversation(script: script, today: today))
    let store = try PlanStore(path: folder.appendingPathComponent("plans.sqlite").path)
    let semaphore = DispatchSemaphore(value: 0)
    Task.detached {
        let plan = try await store.begin(progress)
        for i in 0..<count {
            try await store.append([.answered(step: script.questions[0].id, value: .text("Walks by the river, number \(i)"))], to: plan.id, progress: progress)
        }
        semaphore.signal()
    }
    semaphore.wait()
case "export":
    // A whole My wellbeing plan, every question answered, shown as text as /export shows it.
    let library = try DialogueLibrary.load(directory: dialogues)
    guard let script = library.scripts.first(where: { $0.id == "my-wellbeing-plan" }) else { exit(1) }
    var session = Session(conversation: Conversation(script: script, today: today), support: library.support)
    session.accept(session.start())
    var turn = 0
    while let question = session.conversation.currentStep?.question, turn < 500 {
        session.accept(session.handle(line(for: question, turn: turn)))
        if question.answer.isMultiLine { session.accept(session.handle("")) }
        turn += 1
    }
    var length = 0
    for _ in 0..<count {
        length += PlanExporter(conversation: session.conversation, info: PlanInfo(), support: library.support).render(.text).utf8.count
    }
    if length < 0 { print(length) }
case "check":
    let result = ScriptLoader.load(text: generated(count), file: "long.yaml")
    if result.script == nil { print(result.diagnostics.prefix(3).map(\.message)); exit(1) }
case "yaml":
    _ = try Yams.compose(yaml: generated(count))
default:
    print("unknown work: \(arguments[1])")
    exit(2)
}
