import Foundation
import Testing
@testable import PlanStore
import TandemStore

/// One program at a time on a plan: two terminal windows would write over each other's answers.
@Suite("Holding a plan open")
struct PlanHoldTests {
    @Test("A plan held through one store keeps other programs out until its last hold is let go; other plans are free")
    func oneHoldAtATime() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path)
        let other = try PlanStore(path: path)
        var first = store.hold(plan: "k7qm3xrt")
        #expect(first != nil)
        #expect(other.hold(plan: "k7qm3xrt") == nil, "held by another open file")
        // Holds through one store are counted, not kept apart (a server keeps its own connections
        // apart): the plan stays held until the last of them goes.
        var again = store.hold(plan: "k7qm3xrt")
        #expect(again != nil, "the same store shares its hold")
        first = nil
        #expect(other.hold(plan: "k7qm3xrt") == nil, "still held by the second hold")
        first = again
        again = nil
        let elsewhere = other.hold(plan: "ab12cd34")
        #expect(elsewhere != nil, "another plan is free")
        first = nil
        #expect(other.hold(plan: "k7qm3xrt") != nil, "free once let go")
        _ = elsewhere
        // The lock file holds nothing, and only its owner can open it.
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "-open")
        #expect((attributes[.size] as? Int) == 0)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("A store reached through a symbolic link is held as the store itself: a window opened through the link is kept out")
    func throughALink() throws {
        let folder = try TempFolder()
        let path = folder.file("plans.sqlite")
        let store = try PlanStore(path: path)
        try FileManager.default.createDirectory(atPath: folder.file("elsewhere"), withIntermediateDirectories: false)
        let link = folder.file("elsewhere/plans.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let throughLink = try PlanStore(path: link)
        let held = store.hold(plan: "k7qm3xrt")
        #expect(held != nil)
        #expect(throughLink.hold(plan: "k7qm3xrt") == nil, "the same store, by another name")
        #expect(!FileManager.default.fileExists(atPath: link + "-open"), "one lock file, beside the store itself")
        _ = held
    }

    @Test("Where no hold can be taken (a store in memory), an empty hold: never a reason to refuse a plan")
    func noHoldPossible() throws {
        let memory = try PlanStore.inMemory()
        #expect(memory.hold(plan: "k7qm3xrt") != nil)
        #expect(memory.hold(plan: "k7qm3xrt") != nil)
    }

    @Test("Different ids fall on different bytes")
    func offsets() {
        let ids = (0..<2_000).map { _ in ResumeCode.makeID() }
        #expect(Set(ids.map(PlanStore.holdOffset)).count == Set(ids).count)
    }
}
