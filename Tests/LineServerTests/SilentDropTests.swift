#if os(Linux)
  import Foundation
  import Glibc
  import NIOCore
  import Testing

  @testable import LineServer

  /// A network that goes away without a word (a laptop's lid shut, Wi-Fi lost, a phone asleep) sends
  /// no FIN and no reset. Without TCP keepalive the server would think such a connection open for
  /// as long as nothing is sent (hours), or until retransmissions give up (about 15 minutes): a
  /// group's host whose network went would be "there" all that time, and `/room resume` refused.
  /// The server asks the kernel to check quiet connections, and to give up on unacknowledged data,
  /// within `ServerLimits.deadPeerTime`.
  @Suite("A connection whose network goes away")
  struct SilentDropTests {
    /// The server's own socket for the connection from `clientPort`, found among this process's
    /// file descriptors (the server runs in the test's process).
    static func serverSocket(serverPort: Int, clientPort: Int) -> Int32? {
      guard let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else {
        return nil
      }
      for name in fds {
        guard let fd = Int32(name) else { continue }
        var local = sockaddr_in()
        var peer = sockaddr_in()
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let gotLocal = withUnsafeMutablePointer(to: &local) {
          $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
        }
        guard gotLocal == 0, local.sin_family == sa_family_t(AF_INET) else { continue }
        size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let gotPeer = withUnsafeMutablePointer(to: &peer) {
          $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &size) }
        }
        guard gotPeer == 0 else { continue }
        if Int(UInt16(bigEndian: local.sin_port)) == serverPort,
          Int(UInt16(bigEndian: peer.sin_port)) == clientPort
        {
          return fd
        }
      }
      return nil
    }

    static func option(_ fd: Int32, _ level: Int32, _ name: Int32) -> Int32 {
      var value: Int32 = -1
      var size = socklen_t(MemoryLayout<Int32>.size)
      _ = getsockopt(fd, level, name, &value, &size)
      return value
    }

    @Test("every connection is checked when quiet, and given up when the network has gone")
    func keepalive() async throws {
      try await withServer { _, address in
        let client = try await TestClient.connect(address)
        _ = try await client.response()
        let clientPort = try #require(client.channel.localAddress?.port)
        let serverPort = try #require(address.port)
        let fd = try #require(Self.serverSocket(serverPort: serverPort, clientPort: clientPort))
        let limits = ServerLimits()
        #expect(Self.option(fd, SOL_SOCKET, SO_KEEPALIVE) == 1)
        let idle = Self.option(fd, Int32(IPPROTO_TCP), TCP_KEEPIDLE)
        let interval = Self.option(fd, Int32(IPPROTO_TCP), TCP_KEEPINTVL)
        let count = Self.option(fd, Int32(IPPROTO_TCP), TCP_KEEPCNT)
        let userTimeout = Self.option(fd, Int32(IPPROTO_TCP), TCP_USER_TIMEOUT)
        let dead = Int32(limits.deadPeerTime.nanoseconds / 1_000_000_000)
        #expect(
          idle > 0 && idle + interval * count <= dead,
          "a quiet connection is found dead within \(dead) s: \(idle) + \(interval) x \(count)")
        #expect(
          userTimeout > 0 && userTimeout <= dead * 1_000,
          "unacknowledged data is given up within \(dead) s: \(userTimeout) ms")
        await client.close()
      }
    }
  }
#endif
