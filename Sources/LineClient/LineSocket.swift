#if canImport(Glibc)
import Glibc
private func systemConnect(_ fd: Int32, _ addr: UnsafePointer<sockaddr>?, _ length: socklen_t) -> Int32 { Glibc.connect(fd, addr, length) }
private func systemSend(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int { Glibc.send(fd, bytes, count, flags) }
private func systemClose(_ fd: Int32) { _ = Glibc.close(fd) }
#elseif canImport(Darwin)
import Darwin
private func systemConnect(_ fd: Int32, _ addr: UnsafePointer<sockaddr>?, _ length: socklen_t) -> Int32 { Darwin.connect(fd, addr, length) }
private func systemSend(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int { Darwin.send(fd, bytes, count, flags) }
private func systemClose(_ fd: Int32) { _ = Darwin.close(fd) }
#endif

/// A TCP connection that sends and receives lines, on plain POSIX sockets (the client needs
/// nothing more: one connection, one thread, poll()).
///
/// The socket is non-blocking: ``readAvailable()`` takes what has arrived (call it when poll says
/// the socket is readable) and returns whole lines; ``send(_:)`` waits until everything is written.
public final class LineSocket {
    public let address: ServerAddress
    public let fd: Int32
    private var buffer: [UInt8] = []
    /// Whether any byte has come from the server yet (its first bytes tell a TLS server apart).
    private var heardAnything = false
    private var closed = false

    /// Longest line accepted from a server (a `menu` or an `export` can be long, but not this long).
    public static let maxLine = 4 * 1_024 * 1_024

    /// What a read found.
    public enum Read {
        /// Whole lines (without their line ends) and whether the server has finished sending.
        case lines([String], ended: Bool)
        /// The connection broke.
        case failed(ConnectFailure)
    }

    /// Why the connection ended, when something beneath it knows better than "closed" (TLS).
    var endingReason: (() -> ConnectFailure?)?

    init(address: ServerAddress, fd: Int32) {
        self.address = address
        self.fd = fd
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    /// What went wrong beneath the connection once it has ended, if anything did.
    public var endingFailure: ConnectFailure? { endingReason?() }

    /// Connects to `address`, trying each of its IP addresses, waiting at most `timeout` seconds for each.
    public static func connect(to address: ServerAddress, timeout: Int32 = 10) throws(ConnectFailure) -> LineSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let found = getaddrinfo(address.host, String(address.port), &hints, &list)
        guard found == 0, let first = list else { throw .unknownHost(address) }
        defer { freeaddrinfo(list) }
        var failure = ConnectFailure.refused(address)
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            if let error = Self.finishConnect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, timeout: timeout) {
                systemClose(fd)
                failure = Self.failure(error, address)
                continue
            }
            var on: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            #if canImport(Darwin)
            _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            #endif
            return LineSocket(address: address, fd: fd)
        }
        throw failure
    }

    /// Connects without blocking, then waits for the result. Returns the errno of a failure, or nil.
    private static func finishConnect(_ fd: Int32, _ addr: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t, timeout: Int32) -> Int32? {
        if systemConnect(fd, addr, length) == 0 { return nil }
        guard errno == EINPROGRESS || errno == EINTR else { return errno }
        var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        var ready: Int32
        repeat { ready = poll(&pfd, 1, timeout * 1_000) } while ready < 0 && errno == EINTR
        if ready == 0 { return ETIMEDOUT }
        if ready < 0 { return errno }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 else { return errno }
        return error == 0 ? nil : error
    }

    static func failure(_ code: Int32, _ address: ServerAddress) -> ConnectFailure {
        switch code {
        case ECONNREFUSED: return .refused(address)
        case ETIMEDOUT: return .timedOut(address)
        case EHOSTUNREACH, ENETUNREACH, ENETDOWN, EHOSTDOWN: return .unreachable(address)
        case ECONNRESET, EPIPE, ECONNABORTED: return .lost(address)
        default: return .system(address, String(cString: strerror(code)))
        }
    }

    /// Sends one line (a line end is added).
    public func send(_ line: String) throws(ConnectFailure) {
        try send(bytes: Array((line + "\n").utf8))
    }

    /// Sends bytes, waiting while the socket is full.
    public func send(bytes: [UInt8]) throws(ConnectFailure) {
        guard !closed else { throw endingFailure ?? .lost(address) }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let n = bytes[offset...].withUnsafeBytes { systemSend(fd, $0.baseAddress, $0.count, flags) }
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&pfd, 1, 1_000)
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                let failure = Self.failure(n < 0 ? errno : EPIPE, address)
                // With TLS, the bridge knows better why its end closed (the server spoke no TLS).
                throw endingFailure ?? failure
            }
        }
    }

    /// Reads what has arrived and returns the whole lines in it (CRLF or LF). Call when poll says
    /// the socket is readable: it does not wait.
    public func readAvailable() -> Read {
        var ended = false
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                // A TLS server answers a plain client with a TLS record (an alert, or a handshake),
                // never with text: say so, rather than show its bytes.
                if !heardAnything, n >= 2, chunk[0] == 0x15 || chunk[0] == 0x16, chunk[1] == 0x03 { return .failed(.tlsRequired(address)) }
                heardAnything = true
                buffer.append(contentsOf: chunk[0..<n])
                if buffer.count > Self.maxLine && !buffer.contains(0x0A) { return .failed(.notTandem(address)) }
                if n < chunk.count { break }
                continue
            }
            if n == 0 {
                ended = true
                break
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            let code = errno
            // The lines that came before a reset still count (the server's last words).
            if !buffer.isEmpty { ended = true; break }
            return .failed(Self.failure(code, address))
        }
        return .lines(takeLines(flushRest: ended), ended: ended)
    }

    /// Whole lines out of the buffer; at the end, also what is left without a line end.
    private func takeLines(flushRest: Bool) -> [String] {
        var lines: [String] = []
        var start = 0
        var i = 0
        while i < buffer.count {
            if buffer[i] == 0x0A {
                var end = i
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                lines.append(String(decoding: buffer[start..<end], as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        buffer.removeFirst(start)
        if flushRest && !buffer.isEmpty {
            lines.append(String(decoding: buffer, as: UTF8.self))
            buffer.removeAll()
        }
        return lines
    }

    /// Closes the connection.
    public func close() {
        guard !closed else { return }
        closed = true
        systemClose(fd)
    }

    deinit { close() }
}
