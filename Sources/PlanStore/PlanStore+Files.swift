import Foundation
import TandemStore

#if canImport(Glibc)
import Glibc
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
#elseif canImport(Darwin)
import Darwin
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
#endif

extension PlanStore {
    /// Where plans live unless told otherwise: `$TANDEM_STORE`, else `$XDG_DATA_HOME/tandem/plans.sqlite`,
    /// else `~/.local/share/tandem/plans.sqlite`.
    ///
    /// - Parameter environment: the variables to look at (the process's, unless a test passes its own).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let store = environment["TANDEM_STORE"], !store.isEmpty { return HomeFolder.expandTilde(store, environment: environment) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent("tandem/plans.sqlite")
        }
        return (HomeFolder.path(environment: environment) as NSString).appendingPathComponent(".local/share/tandem/plans.sqlite")
    }

    /// `path` in full: `~/` as the home folder (`HomeFolder`), and a relative path from the folder the
    /// program was started in, so the store can be found again from anywhere and is named in full.
    public static func absolutePath(_ path: String) -> String {
        let path = HomeFolder.expandTilde(path)
        if path.hasPrefix("/") || path == ":memory:" { return path }
        let here = FileManager.default.currentDirectoryPath
        return here.hasSuffix("/") ? here + path : here + "/" + path
    }

    /// The store's path as people read it: `$HOME/x` as `~/x`.
    public var displayPath: String {
        let home = HomeFolder.path()
        guard path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Makes the folder (0700, with any missing parents) and an empty database file (0600) when they
    /// are missing, so the file is never, even for a moment, readable by others.
    ///
    /// - Returns: what was made here, to be taken away again if nothing can be saved in it
    ///   (`MadeFiles`); nil when the file was there already (or another program made it just now).
    @discardableResult
    static func prepareFiles(at path: String) throws -> MadeFiles? {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        var made = MadeFiles(path: path, folders: [])
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            made.folders = MadeFiles.missingFolders(above: path)
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch let error as CocoaError where [.fileWriteNoPermission, .fileWriteVolumeReadOnly].contains(error.code) {
                throw StoreError.readOnly(folder)
            } catch let error as CocoaError where error.code == .fileWriteOutOfSpace {
                throw StoreError.full(folder)
            } catch {
                throw StoreError.io(path, "I could not make the folder \(folder)")
            }
            chmod(folder, 0o700)
        } else if !folder.isEmpty && !isFolder.boolValue {
            throw StoreError.io(path, "\(folder) is not a folder")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw StoreError.folder(path) }
            // An empty file of one's own (`touch plans.sqlite`) is no store yet: the store made in
            // it is kept as private as one made here.
            var info = stat()
            if stat(path, &info) == 0, info.st_size == 0, info.st_uid == getuid(), info.st_mode & S_IFMT == S_IFREG {
                chmod(path, 0o600)
            }
            return nil
        }
        var fd = systemOpen(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        var throughLink = false
        if fd < 0 && errno == EEXIST && isDanglingLink(path) {
            // A link to a store not made yet: make the file it points to (O_EXCL never follows a link).
            throughLink = true
            fd = systemOpen(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
            if fd >= 0 {
                var info = stat()
                if fstat(fd, &info) != 0 || info.st_size != 0 { close(fd); return nil }  // another program's, just made
            }
        }
        if fd < 0 {
            let number = errno
            if number == EEXIST { return nil }  // another program made it just now
            made.remove()  // the folders made for it, if any
            switch number {
            case EROFS, EACCES, EPERM: throw StoreError.readOnly(path)
            case ENOSPC: throw StoreError.full(path)
            case EISDIR: throw StoreError.folder(path, exists: false)  // a name ending in "/"
            default: throw StoreError.io(path, String(cString: strerror(number)))
            }
        }
        fchmod(fd, 0o600)
        close(fd)
        // A file made through a link is left alone: the link was there before, and is the person's.
        guard !throughLink else { return nil }
        made.file = true
        made.sideFiles = ["-wal", "-shm", "-open"].filter { !FileManager.default.fileExists(atPath: path + $0) }
        return made
    }

    /// A symbolic link to nothing (yet).
    private static func isDanglingLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK && stat(path, &info) != 0
    }

    /// A warning for each of the store's files that people other than its owner can read or change.
    static func permissionWarnings(at path: String) -> [String] {
        var warnings: [String] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            if info.st_mode & 0o077 != 0 {
                let mode = String(info.st_mode & 0o777, radix: 8)
                warnings.append("Other people on this computer may be able to read your plans in \(file) (its permissions are \(mode)). To keep them private, run: chmod 600 \(file)")
            }
        }
        return warnings
    }
}
