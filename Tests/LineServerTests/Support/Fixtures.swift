import DialogueEngine
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PlanStore

@testable import LineServer

/// Paths, the dialogue library and quiet settings shared by the tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dialogues = packageRoot.appendingPathComponent("dialogues").path

    /// The real dialogues, loaded once.
    static let library: DialogueLibrary = {
        do {
            return try DialogueLibrary.load(directory: dialogues)
        } catch {
            fatalError("cannot load \(dialogues): \(error)")
        }
    }()

    static let token = "0123456789abcdef0123456789abcdef"

    static let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A configuration for tests: no store, the transcripts' date, no logging, port 0.
    static func configuration(store: PlanStore? = nil, _ change: (inout ServerLimits) -> Void = { _ in }) -> ServerConfiguration {
        var config = ServerConfiguration(library: library, store: store, hostToken: token)
        config.port = 0
        config.today = { Transcript.defaultToday }
        config.logger = quietLogger
        // At least two event loops, as a server runs on any machine with two cores: a host and the
        // person they watch are then on different loops, as they are for real.
        config.threads = max(2, System.coreCount)
        change(&config.limits)
        return config
    }
}


/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let value = NIOLockedValueBox(NIODeadline.uptimeNanoseconds(1_000_000_000_000))

    var now: NIODeadline { value.withLockedValue { $0 } }

    func advance(_ amount: TimeAmount) {
        value.withLockedValue { $0 = $0 + amount }
    }

    var function: @Sendable () -> NIODeadline { { [self] in now } }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

extension ByteBuffer {
    var text: String { String(decoding: readableBytesView, as: UTF8.self) }
}
