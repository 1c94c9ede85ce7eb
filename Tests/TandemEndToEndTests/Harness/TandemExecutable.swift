import Foundation

/// Where the built `tandem` program and the package's files are, for tests that run the real executable.
enum TandemExecutable {
    /// The package's root folder (this file is Tests/TandemEndToEndTests/Harness/TandemExecutable.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The dialogues that ship with Tandem.
    static var dialogues: String { packageRoot.appendingPathComponent("dialogues").path }

    /// The `tandem` binary: `$TANDEM_EXECUTABLE` if set, else next to the test bundle (the same build
    /// folder `swift test` just built), else `.build/debug/tandem` in the package.
    static let path: String = {
        let fm = FileManager.default
        if let forced = ProcessInfo.processInfo.environment["TANDEM_EXECUTABLE"], !forced.isEmpty { return forced }
        var candidates: [String] = []
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(me.deletingLastPathComponent().appendingPathComponent("tandem").path)
        if let arg0 = CommandLine.arguments.first {
            let url = URL(fileURLWithPath: arg0).resolvingSymlinksInPath()
            // On Linux the test bundle is a folder-less binary; on macOS it is a bundle three levels deep.
            candidates.append(url.deletingLastPathComponent().appendingPathComponent("tandem").path)
            candidates.append(url.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tandem").path)
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/tandem").path)
        return candidates.first { fm.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// The environment every child gets: this process's, minus anything that would make Tandem use
    /// the tester's own files or settings (a crash report's, too: Tandem chooses its own), with HOME
    /// and the data folders pointed at a fresh temporary folder.
    static func environment(home: TemporaryFolder, extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["TANDEM_DIALOGUES", "TANDEM_STORE", "COLUMNS", "LINES", "INPUTRC", "HISTFILE", "SWIFT_BACKTRACE"] { env[key] = nil }
        env["HOME"] = home.path
        env["XDG_DATA_HOME"] = home.path + "/.local/share"
        env["XDG_CONFIG_HOME"] = home.path + "/.config"
        env["LANG"] = "C.UTF-8"
        for (key, value) in extra { env[key] = value }
        return env
    }
}

/// A temporary folder that removes itself.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "tandem-e2e") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Every regular file below the folder, hidden ones included.
    func allFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { item -> String? in
            guard let file = item as? URL, (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return file.path
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
