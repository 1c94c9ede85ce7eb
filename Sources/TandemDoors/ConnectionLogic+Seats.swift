import DialogueEngine
import TandemProtocol

/// Coming back to a seat in a group room: `/join CODE SEAT`, with the seat code each person was
/// given privately when they joined. Only the seat code gives someone back their seat (their name,
/// and an answer they gave that is held for the open question); a name alone never does.
extension ConnectionLogic {
    /// The seat code at the end of what follows the join code (`KQ7-4MT`, `Asha KQ7-4MT`, or with a
    /// space for its dash), and the words before it; nil when the end cannot be a seat code (it is
    /// a name). See `SeatCode.atEnd(of:)`.
    static func seat(in typed: String) -> (seat: String, before: String)? {
        SeatCode.atEnd(of: typed)
    }

    /// Back to a seat (one given before the room was opened again too: the group's plan keeps
    /// them, `Room.reopen`). A code that is no seat here is counted (as a wrong code is, and by the
    /// room); with `newcomer`, the name typed before it, they then join as someone new with that name.
    func comeBack(_ code: String, seat: String, newcomer: String?) {
        guard atMenu, let keeper = findRoom(code) else { return }
        let me = id, link = link
        work({ await keeper.comeBack(id: me, seat: seat, link: link) }) { [self] result in
            guard case .success(let outcome?) = result else { return error(code: 404, ServerWords.noSuchRoom) }
            switch outcome {
            case .back(let used, let events):
                log(.info, "back at a seat in a group room")
                name = used
                phase = .room(keeper)
                send(.events(events))
            case .seatTaken:
                error(code: 409, ServerWords.seatTaken)
            case .wrongSeat, .tooManyWrong:
                if case .wrongSeat = outcome, services.hub.fail(.seatCode, ledgerKey, now: services.now()) {
                    log(.warning, "slowed after wrong seat codes", metadata: ["address": "\(address)"])
                }
                let locked: Bool = if case .tooManyWrong = outcome { true } else { false }
                guard let newcomer else {
                    return error(code: 404, locked ? ServerWords.seatsLocked(keeper.code) : ServerWords.wrongSeat(keeper.code))
                }
                note(locked ? ServerWords.seatsLockedJoinedNew : ServerWords.wrongSeatJoinedNew)
                enter(code, as: newcomer)
            }
        }
    }
}
