import NIOCore

/// A network written in CIDR form (`10.0.0.0/8`, `192.168.1.20/32`, `fd00::/8`): the addresses a
/// host trusts to be many people behind one address (`tandem serve --trusted-network`).
public struct NetworkRange: Sendable, Equatable, CustomStringConvertible {
    /// The network's address bytes (4 for IPv4, 16 for IPv6) and how many leading bits count.
    let bytes: [UInt8]
    let prefix: Int
    public let description: String

    /// Reads `ADDRESS/BITS` (or a bare address, meaning that one address); nil when it is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let address = try? SocketAddress(ipAddress: first, port: 0),
              let bytes = Self.bytes(address) else { return nil }
        let bits = bytes.count * 8
        let prefix = parts.count > 1 ? Int(parts[1]) : bits
        guard let prefix, (0...bits).contains(prefix) else { return nil }
        self.bytes = bytes
        self.prefix = prefix
        description = "\(first)/\(prefix)"
    }

    /// Whether an address is in this network (an IPv4 address written as IPv6 counts as IPv4).
    public func contains(_ address: SocketAddress?) -> Bool {
        guard let address, let other = Self.bytes(address), other.count == bytes.count else { return false }
        var left = prefix
        for i in 0..<bytes.count where left > 0 {
            let mask: UInt8 = left >= 8 ? 0xFF : ~(0xFF >> UInt8(left))
            if bytes[i] & mask != other[i] & mask { return false }
            left -= 8
        }
        return true
    }

    static func bytes(_ address: SocketAddress) -> [UInt8]? {
        switch address {
        case .v4(let v4):
            var a = v4.address.sin_addr
            return withUnsafeBytes(of: &a) { Array($0.prefix(4)) }
        case .v6(let v6):
            var a = v6.address.sin6_addr
            let all: [UInt8] = withUnsafeBytes(of: &a) { Array($0.prefix(16)) }
            if all[0..<10].allSatisfy({ $0 == 0 }) && all[10] == 0xFF && all[11] == 0xFF { return Array(all[12..<16]) }
            return all
        default:
            return nil
        }
    }
}
