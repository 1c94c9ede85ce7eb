import ArgumentParser
import Console
import DialogueEngine
import Foundation
import PlanStore
import TandemStore

/// `--store PATH`, on every command that keeps or reads plans.
struct StoreOptions: ParsableArguments {
    @ArgumentParser.Option(
        name: .long,
        help: ArgumentHelp(
            "Where plans are kept (default: $TANDEM_STORE, else $XDG_DATA_HOME/tandem/plans.sqlite, else ~/.local/share/tandem/plans.sqlite).",
            valueName: "PATH"))
    var store: String?

    var path: String {
        if let store, !store.isEmpty { return store }
        return PlanStore.defaultPath()
    }

    /// ` --store PATH`, for the commands Tandem suggests, when `path` (in full) is not the usual
    /// store: without it they would look in the usual place. Empty for the usual store.
    static func flag(for path: String) -> String {
        guard path != PlanStore.absolutePath(PlanStore.defaultPath()) else { return "" }
        let home = HomeFolder.path()
        let shown = path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
        return " --store " + shellWord(shown)
    }

    /// `path` as one word a shell reads back as it is: in single quotes when it needs them (a `~/`
    /// at the start stays outside them, so the shell still expands it).
    static func shellWord(_ path: String) -> String {
        if path.hasPrefix("~/") { return "~/" + shellWord(String(path.dropFirst(2))) }
        let plain = !path.isEmpty && path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+,:@%=".contains($0)) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The store's file in full, as the store names it (`~` expanded, a relative path from here).
    var resolvedPath: String { PlanStore.absolutePath(path) }

    /// A blank name (empty, as `--store "$FOLDER"` gives when FOLDER is not set, or only spaces) is
    /// a slip, not a file anyone means to keep plans in: it must not quietly mean the usual store.
    func validate() throws {
        if let store, store.allSatisfy(\.isWhitespace) {
            throw ValidationError("--store needs the name of a file, like --store ~/my-plans.sqlite")
        }
        if store == nil, let env = ProcessInfo.processInfo.environment["TANDEM_STORE"], !env.isEmpty, env.allSatisfy(\.isWhitespace) {
            throw ValidationError("TANDEM_STORE needs the name of a file, like TANDEM_STORE=~/my-plans.sqlite (or unset it to use your usual plans)")
        }
    }

    /// For commands that only read or remove plans: nil when there is no store at the path, which
    /// is then not made (a mistyped `--store` leaves no empty store, and no folders, behind).
    func openExisting() throws -> PlanStore? {
        guard FileManager.default.fileExists(atPath: resolvedPath) else { return nil }
        // An empty file (`touch plans.sqlite`) holds no plans: it is not made a store here either.
        if let size = try? FileManager.default.attributesOfItem(atPath: resolvedPath)[.size] as? Int, size == 0 { return nil }
        do {
            return warned(try PlanStore(path: resolvedPath))
        } catch let error as StoreError {
            // On a disk or in a folder that can only be read, a store can still be read as it is.
            if [.readOnly, .io].contains(error.kind), let store = try? PlanStore.readingOnly(path: resolvedPath) { return warned(store) }
            Output.error(error.message)
            throw ExitCode(1)
        }
    }

    private func warned(_ store: PlanStore) -> PlanStore {
        for warning in store.warnings { Output.error("Warning: " + warning) }
        return store
    }

    /// Says there is no store, for a command that needed a plan from it, and stops with exit status 1.
    func noStore() -> ExitCode {
        Output.error(Self.noStoreMessage(resolvedPath, option: store, environment: ProcessInfo.processInfo.environment))
        return ExitCode(1)
    }

    /// Names what chose the path only when something did: with neither `--store` nor
    /// `TANDEM_STORE`, there are simply no saved plans yet.
    static func noStoreMessage(_ path: String, option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty {
            return "There are no plans in \(path), so I could not find that one. Please check the path, or leave out --store to use your usual plans."
        }
        if let env = environment["TANDEM_STORE"], !env.isEmpty {
            return "There are no plans in \(path) (from TANDEM_STORE), so I could not find that one. Please check the path, or unset TANDEM_STORE to use your usual plans."
        }
        return "There are no saved plans on this computer yet (none in \(path)), so I could not find that one. Start one with \(Terminal.command), or give --store PATH if your plans are kept somewhere else."
    }

    /// Opens the store; on a problem, says so plainly and stops with exit status 1.
    func open() throws -> PlanStore {
        warned(try StoreFailure.guarding { try PlanStore(path: resolvedPath) })
    }
}

/// Turns a store problem into its message on standard error and exit status 1.
enum StoreFailure {
    static func guarding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            Output.error(error.message)
            throw ExitCode(1)
        }
    }

    static func guarding<T>(_ body: () async throws(StoreError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            Output.error(error.message)
            throw ExitCode(1)
        }
    }

    /// The dialogue a saved plan follows, or a message and exit status 1 when it is not in the library.
    static func script(for plan: StoredPlan, in library: DialogueLibrary) throws -> Script {
        guard let script = library.scripts.first(where: { $0.id == plan.dialogueID }) else {
            Output.error("This plan follows the dialogue \"\(Sanitize.line(plan.dialogueID))\", which is not in \(library.directory) any more, so I cannot show it. Your answers are still saved. Use --dialogues to point at the folder that has it.")
            throw ExitCode(1)
        }
        return script
    }
}
