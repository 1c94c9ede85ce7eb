import Crypto
import DialogueEngine

/// Seat codes in a group's plan (`Change.held`, `Change.seated`) are kept as a SHA-256 hash, as
/// resume codes are (`ResumeCode.hash(canonical:)`): a seat code is a key to someone's seat (and
/// their answer held for an open question), and the file that holds the plan should not hold
/// working keys to it. A row written before (the code as typed) is read as its hash, so its code
/// still takes its person back. See docs/store.md, "Seat codes".
enum SeatHash {
    /// `Room.keptSeatPrefix` and the hex SHA-256 of `tandem-seat-code:` and the code's characters
    /// (`Room.seatKey`: any case, dash or no dash, give the same).
    static func of(_ code: String) -> String {
        let key = Room.seatKey(code)
        if key.hasPrefix(Room.keptSeatPrefix) { return key }
        let digest = SHA256.hash(data: Array(("tandem-seat-code:" + key).utf8))
        let hex = Array("0123456789abcdef")
        var out = Room.keptSeatPrefix
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return out
    }

    /// The change with its seat code as the store keeps it (hashed); any other change as it is.
    static func kept(_ change: Change) -> Change {
        switch change {
        case .held(let step, let name, let seat?, let host, let value):
            return .held(step: step, name: name, seat: of(seat), host: host, value: value)
        case .seated(let seat, let name):
            return .seated(seat: of(seat), name: name)
        default:
            return change
        }
    }
}

extension PlanStore {
    /// Seat codes are kept hashed here (`SeatHash`).
    public func keptSeat(_ code: String) -> String? { SeatHash.of(code) }
}
