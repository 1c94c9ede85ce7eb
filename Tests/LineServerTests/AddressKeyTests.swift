import NIOCore
import Testing

@testable import LineServer

@Suite("Per-address limits count an IPv6 host by its /64")
struct AddressKeyTests {
    @Test func ipv4AsItIs() throws {
        #expect(AddressKey.of(try SocketAddress(ipAddress: "192.0.2.7", port: 1)) == "192.0.2.7")
    }

    @Test func ipv6ByItsNetwork() throws {
        let a = AddressKey.of(try SocketAddress(ipAddress: "2001:db8:1:2:aaaa::1", port: 1))
        let b = AddressKey.of(try SocketAddress(ipAddress: "2001:db8:1:2:ffff:1:2:3", port: 1))
        let other = AddressKey.of(try SocketAddress(ipAddress: "2001:db8:1:3::1", port: 1))
        #expect(a == "2001:db8:1:2::/64")
        #expect(a == b, "two addresses in one /64 share the cap and the lockouts")
        #expect(a != other)
    }

    @Test func ipv4MappedAsIPv4() throws {
        #expect(AddressKey.of(try SocketAddress(ipAddress: "::ffff:192.0.2.7", port: 1)) == "192.0.2.7")
        #expect(AddressKey.of(nil) == "local")
    }
}
