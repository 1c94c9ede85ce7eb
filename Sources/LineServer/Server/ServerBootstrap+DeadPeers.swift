import NIOCore
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ServerBootstrap {
  /// Asks the kernel to find connections whose network has gone away without a word (a laptop
  /// shut, Wi-Fi lost, a phone asleep: no FIN, no reset) within `time`, so they close as drops.
  ///
  /// A quiet connection is probed (TCP keepalive) after a third of `time`, then every so often;
  /// when no probe is answered, or data sent stays unacknowledged for `time` (`TCP_USER_TIMEOUT`,
  /// Linux), the kernel resets it and the server sees the connection end. Without this, the
  /// server would count such a person as connected for hours: a group's host could not take their
  /// room back, and a group would wait for someone who is gone.
  ///
  ///     ServerBootstrap(group: group).findingDeadPeers(within: .minutes(2))
  func findingDeadPeers(within time: TimeAmount) -> ServerBootstrap {
    let seconds = max(6, Int(time.nanoseconds / 1_000_000_000))
    let idle = seconds / 3
    let probes = 4
    let interval = max(1, (seconds - idle) / probes)
    let tcp = { (name: Int32) in
      ChannelOptions.Types.SocketOption(level: .tcp, name: NIOBSDSocket.Option(rawValue: name))
    }
    var bootstrap = childChannelOption(.socketOption(.so_keepalive), value: 1)
    #if os(Linux)
      bootstrap =
        bootstrap
        .childChannelOption(tcp(Int32(TCP_KEEPIDLE)), value: SocketOptionValue(idle))
        .childChannelOption(tcp(Int32(TCP_KEEPINTVL)), value: SocketOptionValue(interval))
        .childChannelOption(tcp(Int32(TCP_KEEPCNT)), value: SocketOptionValue(probes))
        .childChannelOption(tcp(Int32(TCP_USER_TIMEOUT)), value: SocketOptionValue(seconds * 1_000))
    #elseif canImport(Darwin)
      bootstrap =
        bootstrap
        .childChannelOption(tcp(TCP_KEEPALIVE), value: SocketOptionValue(idle))
        .childChannelOption(tcp(TCP_KEEPINTVL), value: SocketOptionValue(interval))
        .childChannelOption(tcp(TCP_KEEPCNT), value: SocketOptionValue(probes))
    #endif
    return bootstrap
  }
}
