/// Removes telnet commands from incoming bytes and says how to answer them.
///
/// The server never negotiates first: clients on a port other than 23 send no IAC unless asked,
/// and `nc` users must see no junk. When a client offers or asks for an option anyway, the filter
/// refuses it once (`WILL x` → `DONT x`, `DO x` → `WONT x`), except window size (NAWS, option 31),
/// which it accepts (`WILL NAWS` → `DO NAWS`) so that text wraps to the person's screen; `DO TM`
/// (timing mark) is refused every time it comes, as a client waits for the answer. Interrupt
/// (`IP`, `BRK`, `ABORT`), `EOF` and the line-editing commands (`EC`, `EL`) are reported, as
/// they come, with no line end after them.
/// Subnegotiations (`SB … SE`) keep at most ``maxSubnegotiation`` bytes; the rest is dropped.
///
/// An I/O-free state machine: feed it one byte at a time with ``consume(_:)``.
public struct TelnetFilter: Sendable {
    /// Telnet command bytes (RFC 854).
    public enum Byte {
        public static let iac: UInt8 = 255
        public static let dont: UInt8 = 254
        public static let `do`: UInt8 = 253
        public static let wont: UInt8 = 252
        public static let will: UInt8 = 251
        public static let sb: UInt8 = 250
        public static let se: UInt8 = 240
        /// Negotiate About Window Size (RFC 1073).
        public static let naws: UInt8 = 31
        /// Timing mark (RFC 860): a client asks `DO TM` after an interrupt, and drops what it is
        /// sent until it has an answer, so it is answered every time, not once.
        public static let timingMark: UInt8 = 6
        /// Commands a client sends at once, with no line end (RFC 854, RFC 1184).
        public static let eof: UInt8 = 236
        public static let abort: UInt8 = 238
        public static let brk: UInt8 = 243
        public static let ip: UInt8 = 244
        public static let ec: UInt8 = 247
        public static let el: UInt8 = 248
    }

    /// The longest subnegotiation kept; longer ones are dropped unread.
    public static let maxSubnegotiation = 64

    /// What one byte turned out to be.
    public enum Action: Equatable, Sendable {
        /// Part of a telnet command: nothing to do.
        case none
        /// A byte of the person's text.
        case data(UInt8)
        /// Bytes to send back (a refusal or an acceptance).
        case reply([UInt8])
        /// The client's window size (NAWS).
        case windowSize(width: Int, height: Int)
        /// Interrupt Process, Break or Abort (Ctrl-C in most clients): drop the line typed so far.
        case interrupt
        /// End of File (Ctrl-D): as Ctrl-D in a terminal.
        case endOfFile
        /// Erase Character: take back the last character typed.
        case eraseCharacter
        /// Erase Line: take back the line typed so far.
        case eraseLine
    }

    enum State: Sendable {
        case data
        case command
        case option(UInt8)
        case subnegotiation
        case subnegotiationCommand
    }

    private var state = State.data
    private var subnegotiation: [UInt8] = []
    private var subnegotiationTooLong = false
    /// Options already answered, one bit per option, so that no option is answered twice.
    private var answeredWill = OptionSet256()
    private var answeredDo = OptionSet256()

    public init() {}

    /// True in the middle of a telnet command.
    public var isInCommand: Bool {
        if case .data = state { return false }
        return true
    }

    /// Takes one byte from the client.
    public mutating func consume(_ byte: UInt8) -> Action {
        switch state {
        case .data:
            if byte == Byte.iac {
                state = .command
                return .none
            }
            return .data(byte)
        case .command:
            switch byte {
            case Byte.iac:
                state = .data
                return .data(byte)
            case Byte.will, Byte.wont, Byte.do, Byte.dont:
                state = .option(byte)
            case Byte.sb:
                state = .subnegotiation
                subnegotiation.removeAll(keepingCapacity: true)
                subnegotiationTooLong = false
            case Byte.ip, Byte.brk, Byte.abort:
                state = .data
                return .interrupt
            case Byte.eof:
                state = .data
                return .endOfFile
            case Byte.ec:
                state = .data
                return .eraseCharacter
            case Byte.el:
                state = .data
                return .eraseLine
            default:
                // NOP, GA, AYT, AO, SUSP, DM and the rest: nothing to do.
                state = .data
            }
            return .none
        case .option(let verb):
            state = .data
            return answer(verb, option: byte)
        case .subnegotiation:
            if byte == Byte.iac {
                state = .subnegotiationCommand
            } else {
                keep(byte)
            }
            return .none
        case .subnegotiationCommand:
            switch byte {
            case Byte.se:
                state = .data
                return finishSubnegotiation()
            case Byte.iac:
                state = .subnegotiation
                keep(byte)
                return .none
            default:
                // A broken subnegotiation: drop it.
                state = .data
                subnegotiation.removeAll()
                return .none
            }
        }
    }

    private mutating func keep(_ byte: UInt8) {
        guard !subnegotiationTooLong else { return }
        if subnegotiation.count >= Self.maxSubnegotiation {
            subnegotiationTooLong = true
            subnegotiation = []
            return
        }
        subnegotiation.append(byte)
    }

    private mutating func finishSubnegotiation() -> Action {
        defer { subnegotiation.removeAll() }
        guard !subnegotiationTooLong, subnegotiation.count == 5, subnegotiation[0] == Byte.naws else { return .none }
        let width = Int(subnegotiation[1]) << 8 | Int(subnegotiation[2])
        let height = Int(subnegotiation[3]) << 8 | Int(subnegotiation[4])
        return .windowSize(width: width, height: height)
    }

    private mutating func answer(_ verb: UInt8, option: UInt8) -> Action {
        switch verb {
        case Byte.will:
            guard answeredWill.insert(option) else { return .none }
            return .reply([Byte.iac, option == Byte.naws ? Byte.do : Byte.dont, option])
        case Byte.do:
            guard answeredDo.insert(option) || option == Byte.timingMark else { return .none }
            return .reply([Byte.iac, Byte.wont, option])
        default:
            // WONT and DONT: the option is off, as it already was.
            return .none
        }
    }
}

/// 256 bits: one per telnet option.
struct OptionSet256: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Adds an option; false when it was there already.
    mutating func insert(_ option: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(option & 63)
        switch option >> 6 {
        case 0:
            defer { words.0 |= bit }
            return words.0 & bit == 0
        case 1:
            defer { words.1 |= bit }
            return words.1 & bit == 0
        case 2:
            defer { words.2 |= bit }
            return words.2 & bit == 0
        default:
            defer { words.3 |= bit }
            return words.3 & bit == 0
        }
    }
}
