import DialogueEngine
import Foundation
import TandemStore

#if canImport(Glibc)
import Glibc
#endif

/// The locks that keep other programs off the plans this store has open (`PlanStore.hold(plan:)`).
///
/// Each plan is one byte of `<store>-open`, an empty file (nothing is ever written to it; the byte
/// is a stable hash of the plan's id), beside the store's real file: a store reached through a
/// symbolic link has the same lock file as the store itself, so two windows cannot both get in. The store opens that file once, and locks a plan's byte with
/// Linux's open file description lock: held by that one open file, so another program (or another
/// `PlanStore` on the same file) is kept out, and let go when the file closes, however the program
/// ends. Holds through this store share the file, so they never keep each other out: a server keeps
/// its own connections apart (`OpenPlans`); they are counted, so a byte is unlocked only when the
/// last hold on it goes.
final class HoldFile: Sendable {
    private struct State {
        var fd: Int32?
        var counts: [UInt64: Int] = [:]
    }

    private let storePath: String
    private let state = Locked(State())

    /// - Parameter storePath: the store's file; the lock file is `<its real path>-open`, found when
    ///   the first hold is taken (the store's file is there by then).
    init(storePath: String) { self.storePath = storePath }

    /// `<store>-open` beside the file `storePath` names, with every symbolic link followed.
    static func lockPath(forStore storePath: String) -> String {
        guard let real = realpath(storePath, nil) else { return storePath + "-open" }
        defer { free(real) }
        return String(cString: real) + "-open"
    }

    deinit {
        state.withLock { state in
            if let fd = state.fd, fd >= 0 { close(fd) }
        }
    }

    /// Linux's open file description lock (`F_OFD_SETLK`, not in Swift's Glibc module).
    static let setOpenFileLock: Int32 = 37

    enum Outcome { case held, heldElsewhere, cannotHold }

    /// Locks `offset` for this store, unless another program holds it.
    func take(_ offset: UInt64) -> Outcome {
        state.withLock { state in
            if let count = state.counts[offset] {
                state.counts[offset] = count + 1
                return .held
            }
            if state.fd == nil { state.fd = Glibc.open(Self.lockPath(forStore: storePath), O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
            guard let fd = state.fd, fd >= 0 else { return .cannotHold }
            guard Self.lock(fd, offset, Int16(F_WRLCK)) == 0 else {
                return errno == EAGAIN || errno == EACCES ? .heldElsewhere : .cannotHold
            }
            state.counts[offset] = 1
            return .held
        }
    }

    /// Lets go of one hold on `offset`; the byte is unlocked when it was the last.
    func release(_ offset: UInt64) {
        state.withLock { state in
            guard let count = state.counts[offset] else { return }
            if count > 1 {
                state.counts[offset] = count - 1
                return
            }
            state.counts[offset] = nil
            if let fd = state.fd, fd >= 0 { _ = Self.lock(fd, offset, Int16(F_UNLCK)) }
        }
    }

    private static func lock(_ fd: Int32, _ offset: UInt64, _ type: Int16) -> Int32 {
        var lock = flock()
        lock.l_type = type
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(offset)
        lock.l_len = 1
        return withUnsafeMutablePointer(to: &lock) { fcntl(fd, setOpenFileLock, $0) }
    }
}

extension PlanStore {
    /// Holds plan `id` for as long as the returned hold lives; nil when another program holds it
    /// now. Where a hold cannot be taken at all (a read-only folder, a store in memory) an empty
    /// hold is returned: this guard helps people, and is never a reason to refuse them their plan.
    public func hold(plan id: String) -> PlanHold? {
        guard let holds else { return PlanHold() }
        let offset = Self.holdOffset(id)
        switch holds.take(offset) {
        case .held: return PlanHold { holds.release(offset) }
        case .heldElsewhere: return nil
        case .cannotHold: return PlanHold()
        }
    }

    /// The byte that stands for plan `id`: FNV-1a of its id, below 2^40.
    static func holdOffset(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash % (1 << 40)
    }
}
