import Foundation
import Testing

@testable import DialogueEngine

/// `Locked`, the one lock of Tandem's own: ThreadSanitizer sees the order it gives (a pthread
/// mutex), where it did not see the futex under `Synchronization.Mutex` and reported races that
/// hid any real one (`scripts/sanitize`, docs/reliability.md).
@Suite struct LockedTests {
    @Test func changesUnderTheLockAreNeverLost() async {
        let counter = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for _ in 0..<10_000 { counter.withLock { $0 += 1 } } }
            }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    /// A `Mutex` would bring back reports that are not races, and hide real ones among them.
    @Test func noSourceUsesALockThreadSanitizerCannotSee() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("import Synchronization"), "\(file) imports Synchronization: use Locked (DialogueEngine) instead of Mutex")
        }
    }
}
