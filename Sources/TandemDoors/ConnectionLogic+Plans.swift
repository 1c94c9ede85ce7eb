import DialogueEngine
import TandemProtocol
import TandemStore

/// Starting a plan, and opening a saved one by its code (`/resume`): one plan, one writer.
extension ConnectionLogic {
    /// Begins a new plan (in the store, when there is one) and shows its opening.
    func startPlan(_ script: Script) {
        let conversation = Conversation(script: script, today: services.today())
        var session = Session(conversation: conversation, support: services.library.support)
        session.privacy = services.privacy
        session.host = hostPresence
        guard let store = services.store else { return open(session, opening: nil) }
        let progress = PlanProgress(conversation)
        work({ try await store.begin(progress) }) { [self] result in
            switch result {
            case .success(let plan):
                // A new plan: no one else can have it yet.
                _ = services.openPlans.claim(plan.id, id: id, link: link)
                heldPlan = plan.id
                session.plan = plan.info
                open(session, opening: nil)
                log(.info, "plan started", metadata: ["dialogue": "\(script.id)"])
            case .failure(let error):
                send(.events([.failure("I could not start that plan: \(error)")]))
            }
        }
    }

    /// A plan begun (`opening` nil: its start) or picked up: from now on lines go to its session.
    func open(_ session: Session, opening: [Event]?) {
        var session = session
        // What the menu's check-in said comes with the person: not the whole list again.
        session.carry(lobbyCheckIns)
        let events: [Event]
        if let opening {
            events = opening
        } else {
            let start = session.start()
            session.accept(start)
            events = start.events
        }
        phase = .plan(PlanSeat(session: session))
        if let plan = heldPlan { services.openPlans.opened(plan, id: id) }
        // A saved plan opened while sharing: what it holds was given before, so it stays private.
        if sharing { disclosure = Disclosure(privateUntilNow: session.conversation.state) }
        send(.events(events))
        if session.isClosed { close(now: false) }
    }

    // MARK: /resume

    func resume(_ typed: String) {
        openSaved(typed, notInLobby: inPlan ? ServerWords.resumeInPlan : notAtMenu) { [self] keeper in
            error(code: 409, ServerWords.planInRoom(keeper.code))
        } then: { [self] plan, script in
            log(.info, "plan resumed", metadata: ["dialogue": "\(script.id)"])
            var session = plan.session(script, support: services.library.support, today: services.today())
            session.privacy = services.privacy
            session.host = hostPresence
            open(session, opening: session.resume(dialogueChanged: plan.dialogueChanged(script)))
        }
    }

    var inPlan: Bool {
        if case .plan = phase { return true }
        return false
    }

    /// Opens a saved plan by the code typed (`/resume`, `/room resume`): checks where this person is,
    /// the store and the failure counts, finds the plan, claims it (one plan has one writer: see
    /// `OpenPlans`), reads it, and hands it to `then`; `inRoom` gets a group room that has it open.
    /// Every way a code can fail gives the same words, and counts as a failure.
    func openSaved(_ typed: String, notInLobby: String, inRoom: @escaping (RoomKeeper) -> Void, then: @escaping (StoredPlan, Script) -> Void) {
        let code = Sanitize.line(typed).trimmedSpaces
        guard atMenu else { return error(code: 400, notInLobby) }
        guard let store = services.store else { return error(code: 404, ServerWords.notSaving) }
        guard !code.isEmpty else { return error(code: 400, ServerWords.resumeUsage) }
        // A group room's join code (8 characters) is never a plan's code (12): said so, rather than
        // "check it" (a host back after `/room close`, or someone who meant `/join`). It cannot open
        // a plan, so it is not counted as a wrong code.
        if let digits = ResumeCode.canonical(code), digits.count == Rooms.codeDigits {
            if let keeper = services.rooms.find(code) { return error(code: 404, ServerWords.joinCodeOfOpenRoom(keeper.code)) }
            return error(code: 404, ServerWords.joinCodeOfNoRoom)
        }
        whenAllowed(.resumeCode, what: "codes") { [self] in
            work({ try await store.open(code: code) }) { [self] result in
                switch result {
                case .success(let plan):
                    guard services.library.scripts.contains(where: { $0.id == plan.dialogueID }) else {
                        return error(code: 404, ServerWords.dialogueGone(plan.dialogueID))
                    }
                    claimThenOpen(plan.id, code: code, inRoom: inRoom, then: then)
                case .failure(let error as StoreError) where error.kind == .notFound:
                    if services.hub.fail(.resumeCode, ledgerKey, now: services.now()) {
                        log(.warning, "slowed after wrong resume codes", metadata: ["address": "\(address)"])
                    }
                    self.error(code: 404, ServerWords.badCode)
                case .failure(let error):
                    send(.events([.failure("I could not open that plan: \(error)")]))
                }
            }
        }
    }

    /// Claims a saved plan for this connection, then reads it from the store. When another
    /// connection has it open, that connection is asked to let go first (it tells its person), so
    /// the plan is read here only after its last write there.
    private func claimThenOpen(_ planID: String, code: String, asked: Bool = false, inRoom: @escaping (RoomKeeper) -> Void, then: @escaping (StoredPlan, Script) -> Void) {
        guard atMenu, let store = services.store else { return }
        switch services.openPlans.claim(planID, id: id, link: link) {
        case .claimed:
            heldPlan = planID
            work({ try await store.open(code: code) }) { [self] result in
                guard case .success(let plan) = result, let script = services.library.scripts.first(where: { $0.id == plan.dialogueID }) else {
                    letGoOfPlan()
                    return error(code: 404, ServerWords.badCode)
                }
                then(plan, script)
            }
        case .heldBy(let other) where !asked:
            log(.info, "plan open on another connection: asking it to let go")
            work({ await other.release(plan: planID) }) { [self] _ in
                claimThenOpen(planID, code: code, asked: true, inRoom: inRoom, then: then)
            }
        case .heldBy, .opening:
            error(code: 409, ServerWords.planBusy)
        case .elsewhere:
            error(code: 409, ServerWords.planOpenElsewhere)
        case .inRoom(let keeper):
            inRoom(keeper)
        }
    }

    /// This connection no longer has its plan open (it closed, or the plan went elsewhere).
    func letGoOfPlan() {
        if let plan = heldPlan { services.openPlans.release(plan, id: id) }
        heldPlan = nil
    }

    /// Another connection is opening this connection's plan: once any write on its way is durable,
    /// the plan closes here (the person is told where it went, and is back at the menu).
    public func release(plan: String, done: @escaping @Sendable () -> Void) {
        guard !isClosing, heldPlan == plan, inPlan else {
            if heldPlan == plan { letGoOfPlan() }
            return done()
        }
        if working > 0 {
            pendingReleases.append((plan, done))
            return
        }
        log(.info, "plan opened on another connection: let go here")
        letGoOfPlan()
        phase = .lobby
        if sharing { disclosure = Disclosure() }
        transport?.send(menu(after: [.notice(ServerWords.planTakenOver)]), betweenTurns: true)
        done()
    }

    /// Lets go of the plan for those who asked while a turn was being written (now durable).
    func releaseWhatWasAsked() {
        guard !pendingReleases.isEmpty, working == 0 else { return }
        let asked = pendingReleases
        pendingReleases = []
        for request in asked { release(plan: request.plan, done: request.done) }
    }

    /// Checks a code or token now, or, when too many wrong ones came from this network (or from
    /// everywhere) lately, after `DoorLimits.lockedDelay`: slowed, never refused, so a person with
    /// the right one is not locked out by someone else guessing behind the same address.
    func whenAllowed(_ kind: FailureLedger.Kind, what: String, _ check: @escaping () -> Void) {
        guard services.hub.isLocked(kind, ledgerKey, now: services.now()), let transport else { return check() }
        let delay = services.limits.lockedDelay
        let seconds = max(1, Int((delay / .seconds(1)).rounded(.up)))
        note(ServerWords.slowCheck(what, seconds: seconds))
        transport.pause(for: delay) { [self] in
            guard !isClosing else { return }
            check()
        }
    }

    // MARK: The network's own commands

    func run(_ command: NetworkCommand) {
        switch command {
        case .resume(let code): resume(code)
        case .mode(let mode): switchMode(mode)
        case .host(let token): signIn(token)
        case .sessions: sessions()
        case .say(let target, let text): say(to: target, text)
        case .watch(let target): watch(target)
        case .unwatch(let target): unwatch(target)
        case .share where isInRoom, .unshare where isInRoom:
            // A group sees what its people type already; a host's watch shows nothing of a room.
            note(ServerWords.shareInRoom)
        case .share:
            // What the plan holds now stays private: only what comes after is shared.
            if !sharing { disclosure = Disclosure(privateUntilNow: openConversation?.state ?? PlanState()) }
            note(ServerWords.shared)
        case .unshare:
            if sharing {
                disclosure = nil
                tellWatchers(.stoppedSharing)
                watchers = []
                note(ServerWords.unshared)
            } else {
                note(ServerWords.notSharing)
            }
        case .room(let rest): roomCommand(rest)
        case .join(let rest): join(rest)
        case .talk(let rest): talk(rest)
        case .name(let typed):
            if typed.trimmedSpaces.isEmpty {
                error(code: 400, ServerWords.nameUsage)
            } else if let clean = PersonName(typed) {
                if case .room(let keeper) = phase { return rename(to: clean.text, in: keeper) }
                name = clean.text
                note(ServerWords.named(clean.text))
            } else {
                error(code: 400, PersonName.rule)
            }
        }
    }

    /// In a group room (as its host or one of its people).
    private var isInRoom: Bool {
        if case .room = phase { return true }
        return false
    }

    func switchMode(_ typed: String) {
        // `/mode json tandem-connect`: a client may say what it is, for the host's `/sessions`.
        let (asked, words) = NetworkCommand.modeWords(typed)
        let mode = asked ?? ""
        if mode == "json", !words.isEmpty {
            // Shown to hosts in /sessions: plain letters, digits and . _ - only, so it cannot pass for anything else.
            let label = String(words.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._- ".unicodeScalars.contains($0)) }.prefix(30)).trimmedSpaces
            client = label.isEmpty ? nil : label
        }
        switch mode {
        case "json":
            json = true
            transport?.modeChanged(json: true)
            send(.hello(hello))
            showWhereWeAre(resumeHint: false)
        case "text":
            json = false
            transport?.modeChanged(json: false)
            note(ServerWords.textMode)
            showWhereWeAre()
        default:
            error(code: 400, ServerWords.modeUsage)
        }
    }

    /// The first object in JSON mode: what this server is and what it allows (the transport adds its limits).
    var hello: Hello {
        Hello(id: id, server: "tandem \(services.version)", saved: services.store != nil, limits: services.helloLimits)
    }
}
