#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps answers out of core files.
///
/// A program that crashes can leave a copy of its memory in a core file (in the folder it was started
/// in, or with the system's crash reporter), and a plan's answers are in that memory. Such a file
/// would outlive `tandem delete` and could be sent on with a crash report. So Tandem sets its core
/// file size to 0 as it starts: a crash still prints where it happened (Swift's backtrace), but
/// leaves no copy of anyone's answers.
enum NoCoreFiles {
    /// Turns core files off for this process and the programs it starts.
    static func turnOff() {
        var limit = rlimit()
        guard getrlimit(coreLimit, &limit) == 0 else { return }
        limit.rlim_cur = 0
        _ = setrlimit(coreLimit, &limit)
    }

    #if canImport(Glibc)
    private static let coreLimit = Int32(RLIMIT_CORE.rawValue)
    #else
    private static let coreLimit = RLIMIT_CORE
    #endif
}
