import Foundation

/// Where a Tandem server listens, as people type it: `HOST:PORT`, `[IPv6]:PORT`, or `HOST` alone
/// (the usual port, 7300).
///
///     ServerAddress("localhost:7300")     // host "localhost", port 7300
///     ServerAddress("[::1]:7400")         // host "::1", port 7400
public struct ServerAddress: Sendable, Equatable, CustomStringConvertible {
    /// The port `tandem serve` uses unless told otherwise.
    public static let defaultPort = 7_300

    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `HOST:PORT`; nil when it cannot be an address.
    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            // No colon, or a bare IPv6 address: the usual port.
            host = Substring(text)
        }
        var port = Self.defaultPort
        if let portText {
            guard let n = Int(portText), (1...65_535).contains(n) else { return nil }
            port = n
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else { return nil }
        self.init(host: String(host), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
