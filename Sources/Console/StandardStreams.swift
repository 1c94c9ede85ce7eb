import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error, written without Foundation's `FileHandle.write`, which stops the
/// program with a crash report (its memory in hex on standard error) when a write fails: output
/// sent to a full disk (`tandem export > plan.txt`), to `/dev/full`, or closed (`>&-`).
public enum StandardStreams {
    /// Writes all of `text` to `fd`; nil when done, else the error number.
    public static func write(_ text: String, to fd: Int32) -> Int32? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// What went wrong writing output, in words.
    public static func reason(_ number: Int32) -> String {
        switch number {
        case ENOSPC, EDQUOT: return "there is no room left on the disk it goes to"
        case EBADF, EPIPE: return "the place it goes to was closed"
        default: return String(cString: strerror(number)).lowercased()
        }
    }

    /// Writes `text` to standard output. When that cannot be done, says why on standard error
    /// and stops with exit status 1: going on would mean asking questions no one can see.
    public static func out(_ text: String) {
        guard !text.isEmpty, let number = write(text, to: 1) else { return }
        stopForOutput(number)
    }

    /// Writes `text` to standard error; a failure there has nowhere left to be told.
    public static func error(_ text: String) {
        _ = write(text, to: 2)
    }

    /// Says that Tandem's words could not be written (`number`, an error number) and stops.
    public static func stopForOutput(_ number: Int32) -> Never {
        error("I had to stop: I could not write out my words, because \(reason(number)). Everything I said was saved is still saved.\n")
        exit(1)
    }
}
