/// Why `tandem connect` could not go on, in words for the person at the keyboard.
public enum ConnectFailure: Error, Equatable, CustomStringConvertible {
    /// The name did not lead to an address.
    case unknownHost(ServerAddress)
    /// Nothing listens there.
    case refused(ServerAddress)
    /// No answer in time.
    case timedOut(ServerAddress)
    /// The network cannot reach it.
    case unreachable(ServerAddress)
    /// The connection ended before the server said goodbye.
    case lost(ServerAddress)
    /// The connection ended while this person was in a group room (`seat`: their seat code, nil
    /// for the room's host; `code`: the room's join code, or for the host the group plan's code).
    case lostInRoom(ServerAddress, code: String, seat: String?)
    /// Something answered, but not as a Tandem server does.
    case notTandem(ServerAddress)
    /// The server closed the connection and said why (too many connections, closing, a limit).
    case closedByServer(ServerAddress, reason: String)
    /// `--tls-ca` names a file that holds no certificate.
    case badCertificateFile(String)
    /// The server's certificate is not trusted here, or does not name the host.
    case certificateNotTrusted(ServerAddress)
    /// `--tls`, but the server does not speak TLS.
    case tlsNotOffered(ServerAddress)
    /// No `--tls`, but the server speaks only TLS.
    case tlsRequired(ServerAddress)
    /// Another TLS problem.
    case tls(ServerAddress, String)
    /// Anything else the system reported.
    case system(ServerAddress, String)

    public var description: String {
        switch self {
        case .unknownHost(let a):
            return "I could not find a computer called \(a.host). Please check the name and try again."
        case .refused(let a):
            return "I could not connect to \(a): no Tandem server is answering there. Please check the address, and that the server has been started."
        case .timedOut(let a):
            return "\(a) did not answer in time. Please check the address and your network, then try again."
        case .unreachable(let a):
            return "I could not reach \(a) from here. Please check your network, then try again."
        case .lost(let a):
            return "The connection to \(a) was lost. If you were working on a plan with a code, you can carry on later with /resume and the code."
        case .lostInRoom(let a, let code, let seat?):
            return "The connection to \(a) was lost. To go back to your seat in the group, connect again and type: /join \(code) \(seat)\nIf the group has a new join code, ask the host for it, and type it with your seat code, \(seat)."
        case .lostInRoom(let a, let code, nil):
            return "The connection to \(a) was lost. To go back to the group, connect again, type /host and your host token, then: /room resume \(code)"
        case .notTandem(let a):
            return "Something answered at \(a), but it does not seem to be a Tandem server. Please check the address."
        case .closedByServer(let a, let reason):
            return reason.isEmpty ? "\(a) closed the connection." : reason
        case .badCertificateFile(let file):
            return "I could not read a certificate from \(file). It should be the server's certificate, in PEM form (it starts with -----BEGIN CERTIFICATE-----)."
        case .certificateNotTrusted(let a):
            return "I did not connect: \(a) has a certificate I cannot check (its certificate is not one I trust, or names another server). If it uses its own certificate, ask for that file and add --tls-ca FILE."
        case .tlsNotOffered(let a):
            return "\(a) did not answer with an encrypted connection (TLS). It may be a server without TLS: try again without --tls."
        case .tlsRequired(let a):
            return "\(a) uses an encrypted connection (TLS). Please try again with: tandem connect --tls \(a)"
        case .tls(let a, let what):
            return "The encrypted connection to \(a) did not work (\(what)). Please try again."
        case .system(let a, let what):
            return "I could not talk to \(a) (\(what)). Please try again."
        }
    }
}
