/// Why the plan store could not do what was asked, in words a person can act on.
///
/// `description` is the message to show. `kind` says what went wrong, for doors that react
/// differently (a server might retry `.locked`). A wrong, unknown or expired code always gives the
/// same `.notFound` message, so the message never tells anyone which of these it was.
///
/// ```swift
/// do { _ = try await store.open(code: typed) } catch where error.kind == .notFound {
///     print(error)   // I could not find a plan with that code or id. ...
/// }
/// ```
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong. A struct rather than an enum, so new kinds can be added later.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// Another program holds the store's lock for longer than the wait allows.
        public static let locked = Kind("locked")
        /// The disk (or the store's size limit) is full.
        public static let full = Kind("full")
        /// The store or its folder cannot be written.
        public static let readOnly = Kind("readOnly")
        /// The file is damaged, or is not a Tandem store.
        public static let corrupt = Kind("corrupt")
        /// A newer Tandem made the store; this one does not know its layout.
        public static let newerVersion = Kind("newerVersion")
        /// No plan with that id or code (or the code has expired).
        public static let notFound = Kind("notFound")
        /// Any other problem reading or writing the file.
        public static let io = Kind("io")
    }

    public let kind: Kind
    /// The words to show.
    public let message: String
    public var description: String { message }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The one message for a wrong, unknown or expired code or id.
    public static let notFound = StoreError(
        .notFound,
        "I could not find a plan with that code or id. Please check it and try again. (A code stops working after \(ResumeCode.lifetimeDays) days without use.)")

    public static func locked() -> StoreError {
        StoreError(.locked, "Your plans are being used by another program just now, so I could not save. Please wait a moment and try again. Nothing was lost.")
    }

    public static func full(_ path: String) -> StoreError {
        StoreError(.full, "There is no room left to save your plan (the disk holding \(path) is full). Please free some space and try again. Nothing saved before was lost.")
    }

    /// A store made just now, where not even the start of a plan fitted: what was made is gone again.
    public static func fullBeforeAnythingSaved(_ path: String) -> StoreError {
        StoreError(.full, "There is no room left on the disk that holds \(path), so I could not save anything. I have tidied away the empty file I started to make there. Please free some space and try again.")
    }

    /// The store's path names a folder (`--store ~/plans`, or a name ending in `/`): which file to use in it.
    public static func folder(_ path: String, exists: Bool = true) -> StoreError {
        var folder = path
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        let why = exists ? "it is a folder, not a file" : "a name that ends in / is a folder's name, not a file's"
        return StoreError(.io, "I could not use \(path) for your plans: \(why). To keep your plans in that folder, give the name of a file in it, like --store \(folder)/plans.sqlite. Nothing was changed.")
    }

    public static func readOnly(_ path: String) -> StoreError {
        StoreError(.readOnly, "I cannot save to \(path): it can only be read, not written. Check that you own the file and its folder, or use another place with --store.")
    }

    public static func corrupt(_ path: String) -> StoreError {
        StoreError(.corrupt, "The file \(path) is damaged or is not a Tandem plan store, so I have left it alone. Use another place with --store, and keep this file in case it can be mended.")
    }

    public static func newerVersion(_ path: String) -> StoreError {
        StoreError(.newerVersion, "The plan store \(path) was made by a newer version of Tandem. Please update Tandem to use it. I have not changed it.")
    }

    public static func io(_ path: String, _ reason: String) -> StoreError {
        StoreError(.io, "I could not read or write the plan store \(path) (\(reason)). Nothing was changed.")
    }
}
