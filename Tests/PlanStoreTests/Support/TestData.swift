import DialogueEngine
import Foundation
import GRDB
import TandemStore
@testable import PlanStore

/// The test dialogues and a fixed clock.
enum TestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let testsFolder = packageRoot.appendingPathComponent("Tests/PlanStoreTests")
    static let v1Folder = testsFolder.appendingPathComponent("Fixtures/v1").path
    static let v2Folder = testsFolder.appendingPathComponent("Fixtures/v2").path
    static let goldenFolder = testsFolder.appendingPathComponent("Golden")

    /// The test dialogue, first version: every kind of question.
    static let v1 = load(v1Folder)
    /// The same dialogue changed: `mood` is now pick-one (was a scale), `best-time` is gone.
    static let v2 = load(v2Folder)
    /// The progress of a plan of `v1` just started.
    static let startProgress = PlanProgress(Conversation(script: v1, today: today))

    static func load(_ folder: String) -> Script {
        let result = ScriptLoader.load(path: folder + "/store-test.yaml")
        guard let script = result.script else { fatalError("fixture does not load: \(result.diagnostics)") }
        return script
    }

    /// The fixtures' support contacts (short and fixed, unlike the real ones).
    static let support: SupportDirectory = {
        let text = (try? String(contentsOfFile: v1Folder + "/support.yaml", encoding: .utf8)) ?? ""
        guard let support = SupportDirectory.load(text: text, file: "support.yaml").0 else { fatalError("fixture support.yaml does not load") }
        return support
    }()

    /// 1 March 2026, 09:30 UTC.
    static let started = Date(timeIntervalSince1970: 1_772_357_400)
    static let today = SimpleDate(year: 2026, month: 3, day: 1)!

    /// Answers for the whole plan, one line each, as a person types them.
    static let fullPlan = [
        "Robin Zebrafinch", "7", "8", "A walk by the river", "Tea with Sam Quillfeather", "", "1", "1, 2",
        "Sam Quillfeather", "07700 900123", "", "yes", "1/3/2027",
    ]

    /// Words from `fullPlan` that must never leak outside the store and exported files.
    static let secrets = ["Zebrafinch", "Quillfeather", "900123", "walk by the river"]

    /// A plain SQLite connection to a store file, for tests that look underneath the store. It waits
    /// up to 5 seconds for a lock, as a store does: a store just let go may still be closing its
    /// connections (on a busy machine a test saw "database is locked" without the wait).
    static func rawQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    static func options(clock: @escaping @Sendable () -> Date = { TestData.started }, busyTimeout: TimeInterval = 5, readonly: Bool = false, maxPageCount: Int? = nil) -> PlanStore.Options {
        var o = PlanStore.Options()
        o.clock = clock
        o.busyTimeout = busyTimeout
        o.readonly = readonly
        o.maxPageCount = maxPageCount
        return o
    }

    /// A new plan in `store`, begun as a door begins one: its session has the plan's id and code.
    static func begin(_ store: any PlanStorage, script: Script = TestData.v1) async throws -> Session {
        let conversation = Conversation(script: script, today: today)
        let plan = try await store.begin(PlanProgress(conversation))
        var session = Session(conversation: conversation, support: support, plan: plan.info)
        session.accept(session.start())
        return session
    }

    /// Types each line into the session, as every door takes a turn: worked out, kept in the store,
    /// then taken. Returns every event shown.
    @discardableResult
    static func play(_ lines: [String], into session: inout Session, store: any PlanStorage) async throws -> [Event] {
        var events: [Event] = []
        for line in lines {
            let turn = session.handle(line)
            if !turn.changes.isEmpty { try await store.append(turn.changes, to: session.plan!.id!, progress: turn.progress) }
            session.accept(turn)
            events += turn.events
        }
        return events
    }
}

/// A folder under the system's temporary folder that removes itself.
final class TempFolder {
    let path: String

    init(_ label: String = "planstore") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Every regular file below the folder, hidden ones included.
    func allFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        return walker.compactMap { $0 as? String }.map(file).filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A file's permission bits, like 0o600.
func mode(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o777)
}
