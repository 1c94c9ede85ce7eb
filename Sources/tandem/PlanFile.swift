import DialogueEngine
import Foundation
import TandemStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes exported plans to files only their owner can read (0600), and never over an existing file.
enum PlanFile {
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `text` to a new file at `path` (`~/` as `$HOME/`, see `HomeFolder`) and returns its full path.
    /// - Throws: `Refused`, saying why in plain words, when the file exists or cannot be made.
    static func write(_ text: String, to path: String) throws -> String {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Refused(description: "there is no file name. Please give the file a name, like my-plan.txt")
        }
        let full = absolute(path)
        let fd = createFile(full)
        guard fd >= 0 else {
            let name = Sanitize.line(full)
            let folder = { Refused(description: "\(name) is a folder. Please add a file's name to it, like \(name.hasSuffix("/") ? name : name + "/")my-plan.txt") }
            var isFolder: ObjCBool = false
            switch errno {
            case EEXIST where FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) && isFolder.boolValue: throw folder()
            case EEXIST: throw Refused(description: "there is already a file called \(name), and I will not write over it. Please choose another name")
            case ENOENT: throw Refused(description: "there is no folder for \(name)")
            case EACCES, EPERM, EROFS: throw Refused(description: "I am not allowed to write \(name)")
            case ENOSPC: throw Refused(description: "there is no space left for \(name)")
            case EISDIR:
                // A name ending in "/" (Linux says EISDIR for it): a folder only if there is one.
                let bare = String(full.reversed().drop(while: { $0 == "/" }).reversed())
                if FileManager.default.fileExists(atPath: bare, isDirectory: &isFolder), !isFolder.boolValue {
                    throw Refused(description: "\(Sanitize.line(bare)) is a file, not a folder. Please give a file's name without a / at the end, like my-plan.txt")
                }
                if !FileManager.default.fileExists(atPath: bare) {
                    throw Refused(description: "there is no folder called \(Sanitize.line(bare))")
                }
                throw folder()
            default: throw Refused(description: "\(name): \(String(cString: strerror(errno)))")
            }
        }
        var open = true
        defer { if open { close(fd) } }
        fchmod(fd, 0o600)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Self.writeBytes(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errno == ENOSPC ? "there is no space left" : String(cString: strerror(errno))
                unlink(full)
                throw Refused(description: "I could not finish writing \(Sanitize.line(full)) (\(reason))")
            }
            bytes = bytes.dropFirst(n)
        }
        // A disk that fills late (a network disk, a quota) says so only here: a file cut short
        // is not left behind as if it were the plan. (EINVAL: a file that cannot be synced.)
        let syncFailed: Int32? = fsync(fd) != 0 && errno != EINVAL ? errno : nil
        open = false
        let closeFailed: Int32? = close(fd) != 0 ? errno : nil
        if let failure = syncFailed ?? closeFailed {
            unlink(full)
            let reason = failure == ENOSPC || failure == EDQUOT ? "there is no space left" : String(cString: strerror(failure))
            throw Refused(description: "I could not finish writing \(Sanitize.line(full)) (\(reason))")
        }
        return full
    }

    static func absolute(_ path: String) -> String {
        let path = HomeFolder.expandTilde(path)
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    private static func createFile(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        #else
        Darwin.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        #endif
    }

    private static func writeBytes(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, pointer, count)
        #else
        Darwin.write(fd, pointer, count)
        #endif
    }
}

