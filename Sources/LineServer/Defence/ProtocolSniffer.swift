/// Spots clients that speak another protocol: a browser or script sending HTTP to this port (a
/// cross-protocol attack), or a TLS client on the plain port. Such connections are closed at once,
/// without an answer, as Redis does.
enum ProtocolSniffer {
    static let methods = ["GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ", "PRI "]

    /// The first line of a connection looks like an HTTP request line.
    static func isHTTPRequestLine(_ line: String) -> Bool {
        if methods.contains(where: line.hasPrefix) { return true }
        return line.hasSuffix(" HTTP/1.1") || line.hasSuffix(" HTTP/1.0") || line.hasSuffix(" HTTP/2.0")
    }

    /// An HTTP header line that no person types at the menu.
    static func isHTTPHeader(_ line: String) -> Bool {
        let lower = line.prefix(16).lowercased()
        return lower.hasPrefix("host:") || lower.hasPrefix("user-agent:") || lower.hasPrefix("content-length:")
    }

    /// The first bytes of a TLS handshake (a ClientHello record: 0x16 0x03).
    static func isTLSHandshake(_ first: UInt8, _ second: UInt8?) -> Bool {
        first == 0x16 && (second == nil || second == 0x03)
    }
}
