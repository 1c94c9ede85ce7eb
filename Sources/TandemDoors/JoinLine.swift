import DialogueEngine
import TandemStore

/// What follows `/join`: the group's code, then the person's name. The code may be typed as the
/// host shows it (`K7QM-3XRT`), in small letters, without its dash, or with a space where the dash
/// goes (`k7qm 3xrt Asha`), as a code read out loud is often written down.
struct JoinLine: Equatable {
    /// The code as typed (a space for the dash becomes the dash).
    var code: String
    /// The name typed after the code; empty when there is none.
    var name: String

    init?(_ rest: String) {
        let parts = rest.trimmedSpaces.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return nil }
        if parts.count > 1, Self.isHalf(first), Self.isHalf(parts[1]) {
            code = first + "-" + parts[1]
            name = parts.count > 2 ? parts[2].trimmedSpaces : ""
        } else {
            code = first
            name = rest.trimmedSpaces.split(separator: " ", maxSplits: 1).dropFirst().first.map { String($0).trimmedSpaces } ?? ""
        }
    }

    /// Whether the code has the shape of a join code, with a number or a dash in it: a line at the
    /// menu that starts with one (`K7QM-3XRT Asha`) is taken as `/join`, never as a plan's name.
    var looksLikeCode: Bool {
        ResumeCode.canonical(code)?.count == Rooms.codeDigits && code.contains { $0.isNumber || $0 == "-" }
    }

    private static func isHalf(_ word: String) -> Bool {
        ResumeCode.canonical(word)?.count == Rooms.codeDigits / 2
    }
}
