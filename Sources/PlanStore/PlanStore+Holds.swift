import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plan held open by this program (`PlanStore.hold(plan:)`). While it lives, no other program on
/// this computer can hold the same plan: two terminal windows on one plan would each write their
/// own answers over the other's. Let go when the hold is dropped, or when the program ends in any
/// way (a crash or SIGKILL too: the system lets go of the lock with the file).
public final class PlanHold: Sendable {
    private let fd: Int32

    init(fd: Int32) { self.fd = fd }

    deinit {
        // Closing the file lets go of its lock.
        if fd >= 0 { close(fd) }
    }
}

extension PlanStore {
    /// Linux's open file description lock (`F_OFD_SETLK`, not in Swift's Glibc module): held by one
    /// open file, so two holds conflict even within one program, and let go when that file closes.
    static let setOpenFileLock: Int32 = 37

    /// Holds plan `id` for as long as the returned hold lives; nil when another program holds it
    /// now. Where a hold cannot be taken at all (a read-only folder, a store in memory) an empty
    /// hold is returned: this guard helps people, and is never a reason to refuse them their plan.
    ///
    /// Each plan is one byte of `<store>-open`, an empty file (nothing is ever written to it; the
    /// byte is a stable hash of the plan's id).
    public func hold(plan id: String) -> PlanHold? {
        guard path != ":memory:" else { return PlanHold(fd: -1) }
        let fd = Glibc.open(path + "-open", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return PlanHold(fd: -1) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(Self.holdOffset(id))
        lock.l_len = 1
        let result = withUnsafeMutablePointer(to: &lock) { fcntl(fd, Self.setOpenFileLock, $0) }
        guard result == 0 else {
            let heldElsewhere = errno == EAGAIN || errno == EACCES
            close(fd)
            return heldElsewhere ? nil : PlanHold(fd: -1)
        }
        return PlanHold(fd: fd)
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
