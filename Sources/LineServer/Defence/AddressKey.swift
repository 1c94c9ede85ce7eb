import NIOCore

/// What per-address limits count by: an IPv4 address as it is, and an IPv6 address by its /64
/// network. One IPv6 host usually holds a whole /64 and can pick any address in it, so counting
/// single IPv6 addresses would let one client step around the per-address cap and the lockouts.
enum AddressKey {
    static func of(_ address: SocketAddress?) -> String {
        guard let address else { return "local" }
        switch address {
        case .v6(let v6):
            var bytes = v6.address.sin6_addr
            let prefix: [UInt8] = withUnsafeBytes(of: &bytes) { Array($0.prefix(16)) }
            // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is counted as that IPv4 address.
            if prefix[0..<10].allSatisfy({ $0 == 0 }) && prefix[10] == 0xFF && prefix[11] == 0xFF {
                return prefix[12..<16].map(String.init).joined(separator: ".")
            }
            let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(prefix[$0]) << 8 | UInt16(prefix[$0 + 1]), radix: 16) }
            return groups.joined(separator: ":") + "::/64"
        default:
            return address.ipAddress ?? "local"
        }
    }
}
