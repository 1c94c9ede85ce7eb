import ArgumentParser
import CReadline
import DialogueEngine
import Dispatch
import Foundation
import LineServer
import TandemDoors
import Logging
import PlanStore

/// `tandem serve`: the same plans over the network, for telnet, `nc` and `tandem connect`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Host sessions over the network (telnet, nc, tandem connect).",
        discussion: "The protocol is described in docs/protocol.md. Plans are kept in the same store as the terminal's, so a plan begun over the network can be carried on in the terminal, and the other way round.")

    @ArgumentParser.Option(name: .long, help: "The address to listen on. Use 0.0.0.0 to let other computers connect.")
    var host = "127.0.0.1"

    @ArgumentParser.Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 7300

    @ArgumentParser.Option(name: .customLong("host-token-file"), help: ArgumentHelp("A file holding the host token (at least 16 characters). Without it, a new token is made and printed.", valueName: "FILE"))
    var hostTokenFile: String?

    @ArgumentParser.Option(name: .customLong("tls-cert"), help: ArgumentHelp("A PEM certificate (chain) to serve TLS with; needs --tls-key.", valueName: "FILE"))
    var tlsCert: String?

    @ArgumentParser.Option(name: .customLong("tls-key"), help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "FILE"))
    var tlsKey: String?

    @ArgumentParser.Option(name: .customLong("max-connections"), help: "The most connections open at once.")
    var maxConnections = 1024

    @ArgumentParser.Option(name: .customLong("max-per-address"), help: "The most connections open at once from one address.")
    var maxPerAddress = 64

    @ArgumentParser.Option(name: .customLong("trusted-network"), help: ArgumentHelp("A network of many people behind one address (a NAT, a tunnel), like 10.0.0.0/8: not held to --max-per-address, and wrong codes from it count per connection. May be given more than once.", valueName: "CIDR"))
    var trustedNetworks: [String] = []

    @ArgumentParser.Option(name: .customLong("line-rate"), help: "Lines a second one connection may send on average (0: no limit, for benchmarks).")
    var lineRate: Double = 20

    @ArgumentParser.Option(name: .long, help: "Event loop threads (default: one per processor core).")
    var threads: Int?

    @ArgumentParser.Flag(name: .customLong("no-store"), help: "Do not save plans (a demonstration server).")
    var noStore = false

    @ArgumentParser.Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error.")
    var logLevel = "info"

    @OptionGroup var dialogueOptions: DialogueOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let library = try dialogueOptions.library()
        let store = noStore ? nil : try storeOptions.open()
        let token = try hostToken()
        let tls = try tlsFiles()

        var config = ServerConfiguration(library: library, store: store, hostToken: token.value)
        config.host = host
        config.port = port
        config.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        config.limits.maxConnections = max(1, maxConnections)
        config.limits.maxConnectionsPerAddress = max(1, maxPerAddress)
        config.limits.linesPerSecond = max(0, lineRate)
        for text in trustedNetworks {
            guard let range = NetworkRange(text) else {
                Output.error("--trusted-network needs a network like 10.0.0.0/8 or 192.168.1.20, not \"\(text)\".")
                throw ExitCode(1)
            }
            config.limits.trustedNetworks.append(range)
        }
        config.limits.lineBurst = max(40, lineRate * 2)
        config.version = Tandem.configuration.version
        if let tls {
            do {
                try config.useTLS(certificateFile: tls.cert, keyFile: tls.key)
            } catch {
                Output.error("I could not use the certificate \(tls.cert) and key \(tls.key): \(error)")
                throw ExitCode(1)
            }
        }

        let server = LineServer(configuration: config)
        let address: String
        do {
            let bound = try await server.start()
            address = "\(bound.ipAddress ?? host):\(bound.port ?? port)"
        } catch {
            Output.error("I could not listen on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
        let signals = StopSignals { await server.shutdown() }

        if tls != nil {
            Output.line("Tandem is listening on \(address), with TLS.")
            Output.line("People can connect with: tandem connect --tls \(address), or openssl s_client -quiet -connect \(address).")
        } else {
            Output.line("Tandem is listening on \(address).")
            Output.line("People can connect with: telnet \(address.replacingOccurrences(of: ":", with: " ")), or nc \(address.replacingOccurrences(of: ":", with: " ")).")
        }
        if token.printed {
            Output.line("Host token: \(token.value)")
            Output.line("To see who is connected, connect and type: /host \(token.value)")
        } else {
            Output.line("The host token is the one in \(hostTokenFile ?? "").")
        }
        if let store {
            Output.line("Plans are kept in \(store.path).")
        } else {
            Output.line("Plans are not saved (--no-store).")
        }
        Output.line(store == nil
            ? "Press Ctrl-C to stop; everyone connected is told first."
            : "Press Ctrl-C to stop; everyone connected is told, and their plans are saved.")
        fflush(nil)

        await server.waitUntilStopped()
        signals.cancel()
    }

    /// `--tls-cert` and `--tls-key`, both or neither.
    private func tlsFiles() throws -> (cert: String, key: String)? {
        switch (tlsCert, tlsKey) {
        case (nil, nil): return nil
        case (let cert?, let key?):
            if let mode = (try? FileManager.default.attributesOfItem(atPath: key))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
                Output.error("Warning: others can read the key \(key). Run: chmod 600 \(key)")
            }
            return (cert, key)
        default:
            Output.error("--tls-cert and --tls-key go together: give both, or neither.")
            throw ExitCode(1)
        }
    }

    private func hostToken() throws -> (value: String, printed: Bool) {
        guard let file = hostTokenFile else { return (HostToken.make(), true) }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            Output.error("I could not read the host token file \(file).")
            throw ExitCode(1)
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard HostToken.isStrong(token), !token.contains(" ") else {
            Output.error("The host token in \(file) is too short: use at least 16 characters, with no spaces.")
            throw ExitCode(1)
        }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            Output.error("Warning: others can read \(file). Run: chmod 600 \(file)")
        }
        return (token, false)
    }
}

/// SIGTERM, SIGINT (Ctrl-C), SIGQUIT (Ctrl-\) and SIGHUP (the host's window closed) stop the server
/// gracefully, so everyone is told and given their code: once the first arrives, a second one
/// stops at once.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(stop: @escaping @Sendable () async -> Void) {
        var sources: [any DispatchSourceSignal] = []
        let stopping = LockedFlag()
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] {
            // Started with nohup: the host asked for the server to outlive the window.
            if sig == SIGHUP && tandem_signal_is_ignored(SIGHUP) == 1 { continue }
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if stopping.set() {
                    Task { await stop() }
                } else {
                    exit(1)
                }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func cancel() { sources.forEach { $0.cancel() } }
}

/// A flag that is set once.
final class LockedFlag: Sendable {
    private let value = Locked(false)

    /// Sets the flag; true the first time.
    func set() -> Bool {
        value.withLock { set in
            defer { set = true }
            return !set
        }
    }
}
