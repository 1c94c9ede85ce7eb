import Foundation
import GRDB
import TandemStore

extension StoreError {
    /// Maps any error from SQLite or the file system to a `StoreError` about `path`.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked()
            case .SQLITE_FULL: return .full(path)
            case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path)
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path)
            case .SQLITE_CANTOPEN: return .io(path, "it cannot be opened")
            case .SQLITE_IOERR where error.extendedResultCode.rawValue == 4874:
                // SQLITE_IOERR_SHMSIZE: the shared-memory file beside the store could not grow.
                return .full(path)
            case .SQLITE_IOERR:
                // The number stays, after the words, for whoever helps put it right.
                return .io(path, "the computer could not save to it, so it may not be an ordinary file or the disc may have a problem; code \(error.extendedResultCode.rawValue)")
            case .SQLITE_CONSTRAINT:
                // A foreign key failing means the plan was deleted by another program meanwhile.
                if error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY { return .notFound }
                return .io(path, "SQLite: \(error.resultCode)")
            default:
                // Never the SQL or its arguments: those could hold an answer.
                return .io(path, "something went wrong inside it; code \(error.extendedResultCode.rawValue)")
            }
        }
        if let error = error as? CocoaError {
            return .io(path, "file error \(error.code.rawValue)")
        }
        return .io(path, String(describing: type(of: error)))
    }
}
