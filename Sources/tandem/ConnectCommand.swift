import ArgumentParser
import Foundation
import LineClient

/// `tandem connect HOST:PORT`: the terminal client for `tandem serve`. It looks like the local
/// plan (the same words, wrapping and prompt), with Tab completion and messages from the host.
struct ConnectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Work on a plan with a Tandem server (tandem serve).",
        discussion: "Type answers as in a plan on this computer. Ctrl-C clears the line; Ctrl-D leaves, and the server shows the code to carry on with your plan. When input is not a terminal, lines are read and written plainly, for scripts.")

    @Argument(help: ArgumentHelp("Where the server listens, like localhost:7300.", valueName: "HOST:PORT"))
    var address: String

    @Flag(name: .long, help: "Use an encrypted connection (TLS), for a server started with --tls-cert and --tls-key.")
    var tls = false

    @Option(name: .customLong("tls-ca"), help: ArgumentHelp("Trust only this certificate (PEM), for a server with its own certificate; implies --tls.", valueName: "FILE"))
    var tlsCA: String?

    func run() throws {
        guard let server = ServerAddress(address) else {
            Output.error("\"\(address)\" is not an address I can use. Type it like localhost:7300 or 192.168.1.20:7300.")
            throw ExitCode(1)
        }
        let status = ConnectClient.run(server, tls: tls || tlsCA != nil, trusting: tlsCA)
        if status != 0 { throw ExitCode(status) }
    }
}
