import DialogueEngine
import Foundation
import TandemStore

/// How the SQLite store writes a change: one JSON object per row of `event`.
enum ChangeCoding {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private static let decoder = JSONDecoder()

    static func encode(_ change: Change) throws -> String {
        String(decoding: try encoder.encode(change), as: UTF8.self)
    }

    /// A journaled change. One that this Tandem cannot read was written by a newer Tandem.
    static func decode(_ json: String, path: String) throws(StoreError) -> Change {
        do {
            return try decoder.decode(Change.self, from: Data(json.utf8))
        } catch {
            throw StoreError.newerVersion(path)
        }
    }
}
