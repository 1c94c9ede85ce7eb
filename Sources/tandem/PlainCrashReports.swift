#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps answers out of crash reports.
///
/// When Swift's runtime reports a crash to somewhere that is not a terminal (a server's log file,
/// a pipe to a process manager, `tandem plan 2> log`, a web page that runs Tandem), it prints every
/// register, and for each one that points into memory, the 16 bytes there: a plan's answers can
/// be among them, and a log outlives `tandem delete`. The "friendly" report (where it crashed, and
/// the lines of code) holds no one's words. The runtime reads its setting, `SWIFT_BACKTRACE`, only
/// as a program starts, so `tandem` with its errors going anywhere but a terminal sets it and
/// starts itself again, as the same process (the same PID, the same arguments). Every command
/// does, not only `serve`: `plan`, `resume`, `connect` and `export` all hold answers. A setting
/// already given is kept: whoever runs Tandem can still ask for the full report.
enum PlainCrashReports {
    static let setting = "preset=friendly"

    static func keepAnswersOut() {
        guard getenv("SWIFT_BACKTRACE") == nil, isatty(STDERR_FILENO) == 0 else { return }
        guard setenv("SWIFT_BACKTRACE", setting, 1) == 0 else { return }
        #if os(Linux)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
        // Starting again failed (or is not possible here): carry on as the program already is.
        unsetenv("SWIFT_BACKTRACE")
    }
}
