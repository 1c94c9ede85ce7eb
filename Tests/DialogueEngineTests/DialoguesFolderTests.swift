import Foundation
import Testing

@testable import DialogueEngine

/// Where the dialogues are found when no folder is named: next to the program wherever it was
/// installed, then the data folders people's systems use; and, when none is there, a message that
/// names every place looked in (an installed `tandem` could not export or resume a saved plan
/// from any folder but the source folder).
@Suite struct DialoguesFolderTests {
    @Test func placesLookedInFollowTheProgramAndTheDataFolders() {
        let places = DialogueLibrary.installedPlaces(
            environment: ["HOME": "/home/sam", "XDG_DATA_DIRS": "/opt/share/:relative:/usr/share"],
            executable: "/home/sam/.local/bin/tandem")
        #expect(places == [
            "/home/sam/.local/share/tandem/dialogues",
            "/home/sam/.local/bin/dialogues",
            "/home/dialogues",
            "/opt/share/tandem/dialogues",
            "/usr/share/tandem/dialogues",
        ])
    }

    @Test func dataHomeAndDefaultsWhenNothingIsSet() {
        let set = DialogueLibrary.installedPlaces(environment: ["HOME": "/h", "XDG_DATA_HOME": "/data"], executable: "")
        #expect(set == ["/data/tandem/dialogues", "/usr/local/share/tandem/dialogues", "/usr/share/tandem/dialogues"])
        // A relative XDG_DATA_HOME is not used (the XDG rule): the default is.
        let relative = DialogueLibrary.installedPlaces(environment: ["HOME": "/h", "XDG_DATA_HOME": "data"], executable: "")
        #expect(relative.first == "/h/.local/share/tandem/dialogues")
    }

    @Test func anInstalledProgramFindsItsDialoguesFromAnyFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-folders-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/share/tandem/dialogues", withIntermediateDirectories: true)
        let found = DialogueLibrary.resolveDirectory(
            option: nil, environment: ["HOME": root + "/nohome"], executable: root + "/bin/tandem", currentDirectory: root + "/bin")
        #expect(found == URL(fileURLWithPath: root + "/share/tandem/dialogues").standardizedFileURL.path)
        #expect(DialogueLibrary.resolveDirectory(option: "mine", environment: [:], executable: "") == "mine")
        #expect(DialogueLibrary.resolveDirectory(option: nil, environment: ["TANDEM_DIALOGUES": "env"], executable: "") == "env")
    }

    @Test func noFolderNamesEveryPlaceLookedIn() {
        let none = DialogueLibrary.notFound("dialogues", environment: ["HOME": "/nowhere"])
        #expect(none.hasPrefix("I cannot find the dialogues folder. I looked in:\n  ./dialogues\n"))
        #expect(none.contains("/nowhere/.local/share/tandem/dialogues"))
        #expect(none.contains("scripts/install"))
        let named = DialogueLibrary.notFound("my-dialogues", environment: [:])
        #expect(named == "I cannot find the dialogues folder \"my-dialogues\". Use --dialogues FOLDER or set TANDEM_DIALOGUES.")
    }
}
