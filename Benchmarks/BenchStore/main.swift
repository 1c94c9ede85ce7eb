// bench-store: durable answers per second through PlanStore, beside raw sqlite3 inserts with the
// same pragmas (WAL, synchronous=FULL), in the same run, on the same disk. Run it with scripts/bench-store.
import DialogueEngine
import Foundation
import PlanStore
import TandemStore

struct Options {
    var answers = 500
    var rounds = 3
    var folder = FileManager.default.temporaryDirectory.path
    var sqlite3 = "/usr/bin/sqlite3"
    var dialogue = "dialogues/my-goals.yaml"
    /// Also measure this many people answering at once (threads, one plan each): group commit.
    var writers = 50

    init(_ arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let arg = it.next() {
            switch arg {
            case "--answers": answers = Int(it.next() ?? "") ?? answers
            case "--rounds": rounds = Int(it.next() ?? "") ?? rounds
            case "--dir": folder = it.next() ?? folder
            case "--sqlite3": sqlite3 = it.next() ?? sqlite3
            case "--dialogue": dialogue = it.next() ?? dialogue
            case "--writers": writers = Int(it.next() ?? "") ?? writers
            default:
                print("usage: bench-store [--answers N] [--rounds N] [--dir DIR] [--sqlite3 PATH] [--dialogue FILE] [--writers N]")
                exit(2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
guard let script = ScriptLoader.load(path: options.dialogue).script else {
    print("cannot load \(options.dialogue)")
    exit(1)
}
let answerStep = script.questions.first { if case .text = $0.question?.answer { true } else { false } }?.id ?? script.questions[0].id

/// One answer's change as the journal stores it: about the size of a typed sentence.
func change(_ i: Int) -> Change {
    .answered(step: answerStep, value: .text("I would like to join the walking group on Tuesdays, number \(i)"))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let progress = PlanProgress(Conversation(script: script, today: SimpleDate(Date())))

/// `n` answers, each recorded (and synced) on its own, as a person gives them.
func planStoreRun(_ n: Int, folder: String) async throws -> Double {
    let path = (folder as NSString).appendingPathComponent("bench-planstore-\(UUID().uuidString).sqlite")
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try PlanStore(path: path)
    let plan = try await store.begin(progress)
    try await store.append([change(-1)], to: plan.id, progress: progress)  // warm up: the first write makes the WAL
    return try await seconds {
        for i in 0..<n { try await store.append([change(i)], to: plan.id, progress: progress) }
    }
}

/// `n` single-row INSERTs through the sqlite3 shell, each its own transaction, minus the shell's start-up.
func sqlite3Run(_ n: Int, folder: String) throws -> Double {
    let path = (folder as NSString).appendingPathComponent("bench-sqlite3-\(UUID().uuidString).sqlite")
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let json = try String(decoding: JSONEncoder().encode(change(0)), as: UTF8.self).replacingOccurrences(of: "'", with: "''")
    let setup = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=FULL;
        CREATE TABLE IF NOT EXISTS event (id INTEGER PRIMARY KEY AUTOINCREMENT, planID TEXT NOT NULL, at DATETIME NOT NULL, change TEXT NOT NULL);
        INSERT INTO event (planID, at, change) VALUES ('warmup', '2026-01-01 00:00:00.000', '\(json)');

        """
    let inserts = (0..<n).map { _ in "INSERT INTO event (planID, at, change) VALUES ('k7qm3xrt', strftime('%Y-%m-%d %H:%M:%f','now'), '\(json)');\n" }.joined()
    let baseline = try shell(setup, path: path)  // start-up, pragmas and one write, nothing timed after it
    let full = try shell(setup + inserts, path: path + "2")
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + "2" + suffix) }
    return max(full - baseline, 1e-9)
}

func shell(_ sql: String, path: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: options.sqlite3)
    process.arguments = ["-batch", path]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    let data = Data(sql.utf8)
    return try seconds {
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw NSError(domain: "sqlite3 failed", code: Int(process.terminationStatus)) }
    }
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// `writers` people answering at once, one plan each, `n` answers in all: answers that arrive
/// together share one commit (group commit), each still durable before its `append` returns.
func concurrentRun(_ n: Int, writers: Int, folder: String) async throws -> Double {
    let path = (folder as NSString).appendingPathComponent("bench-group-\(UUID().uuidString).sqlite")
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let store = try PlanStore(path: path)
    var plans: [String] = []
    for _ in 0..<writers {
        let plan = try await store.begin(progress)
        try await store.append([change(-1)], to: plan.id, progress: progress)
        plans.append(plan.id)
    }
    let each = max(1, n / writers)
    let changes = (0..<each).map(change)
    // One task per person, each waiting for its own answer to be durable before the next.
    return await seconds {
        await withTaskGroup(of: Void.self) { group in
            for plan in plans {
                group.addTask {
                    for c in changes { try? await store.append([c], to: plan, progress: progress) }
                }
            }
        }
    }
}

print("bench-store: \(options.answers) durable answers per round, \(options.rounds) rounds, in \(options.folder)")
print("(each answer is its own transaction, synced to disk: WAL, synchronous=FULL)")
var storeRates: [Double] = []
var rawRates: [Double] = []
for round in 1...options.rounds {
    let store = Double(options.answers) / (try await planStoreRun(options.answers, folder: options.folder))
    let raw = Double(options.answers) / (try sqlite3Run(options.answers, folder: options.folder))
    storeRates.append(store)
    rawRates.append(raw)
    print(String(format: "round %d: PlanStore %8.0f answers/s   sqlite3 %8.0f inserts/s", round, store, raw))
}
let s = median(storeRates), r = median(rawRates)
print(String(format: "median:  PlanStore %8.0f answers/s   sqlite3 %8.0f inserts/s   PlanStore/sqlite3 = %.2f", s, r, s / r))
if options.writers > 1 {
    let total = max(options.answers * 4, options.writers * 20)
    var rates: [Double] = []
    for _ in 1...options.rounds {
        rates.append(Double(total / options.writers * options.writers) / (try await concurrentRun(total, writers: options.writers, folder: options.folder)))
    }
    let g = median(rates)
    print(String(format: "%d people answering at once (group commit): PlanStore %8.0f answers/s, each durable before it is acknowledged   vs sqlite3 one by one: %.1fx", options.writers, g, g / r))
}
