import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What `tandem connect` says when it cannot go on: one kind message, a non-zero exit, no trace.
@Suite("tandem connect when something is wrong")
struct ConnectProblemTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = try Scratch()
        let child = try Child(arguments, home: scratch.path)
        child.closeInput()
        let status = try child.finish()
        return (status, child.stdout.text, child.stderr.text)
    }

    static func expectKind(_ stderr: String) {
        #expect(!stderr.contains("Fatal error"))
        #expect(!stderr.contains("Stack dump"))
        #expect(!stderr.contains("0x"))
        #expect(stderr.split(separator: "\n").count <= 3, "one short message:\n\(stderr)")
    }

    @Test("a refused connection: a kind message and exit status 1")
    func refused() throws {
        let port = unusedPort()
        let r = try Self.run(["connect", "127.0.0.1:\(port)"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("I could not connect to 127.0.0.1:\(port): no Tandem server is answering there."))
        Self.expectKind(r.stderr)
    }

    @Test("a server that closes without a word: the connection was lost, exit status 1")
    func closedAtOnce() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &size) } }
        listen(listener, 4)
        let port = Int(UInt16(bigEndian: addr.sin_port))
        let scratch = try Scratch()
        let child = try Child(["connect", "127.0.0.1:\(port)"], home: scratch.path)
        let accepted = accept(listener, nil, nil)
        #expect(accepted >= 0)
        close(accepted)
        let status = try child.finish()
        #expect(status == 1)
        #expect(child.stderr.text.contains("The connection to 127.0.0.1:\(port) was lost."))
        Self.expectKind(child.stderr.text)
    }

    @Test("a server over its connection cap: its own sentence, not 'the connection was lost', and exit status 1")
    func tooManyConnections() throws {
        let server = try RunningServer(store: false, extra: ["--max-per-address", "1"])
        let held = try RawClient(port: server.port)
        try held.output.expect("> ")
        // Several tries: a reset would lose the sentence only some of the time.
        for _ in 0..<5 {
            let child = try server.connect()
            child.closeInput()
            let status = try child.finish()
            #expect(status == 1)
            let said = child.stderr.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(said.contains("Sorry, there are too many connections just now. Please try again in a few minutes."), "\(said)")
            #expect(!child.stderr.text.contains("was lost"))
            Self.expectKind(child.stderr.text)
        }
        _ = held
    }

    @Test("the server stopping (SIGTERM) mid-plan: its words and the code, then exit status 1")
    func serverStops() throws {
        let server = try RunningServer()
        let client = try server.connect()
        try client.stdout.expect("> ")
        try client.send("1")
        try client.stdout.expect("What would you like me to call you?")
        try client.stdout.expect("> ")
        kill(server.child.process.processIdentifier, SIGTERM)
        let rest = try client.stdout.readToEnd()
        #expect(try client.finish() == 1)
        #expect(rest.contains("The server is closing now."))
        #expect(rest.contains("use this code:"))
        Self.expectKind(client.stderr.text)
    }

    @Test("an address that cannot be one is refused with an example")
    func badAddress() throws {
        let r = try Self.run(["connect", "localhost:99999"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Type it like localhost:7300"))
    }
}
