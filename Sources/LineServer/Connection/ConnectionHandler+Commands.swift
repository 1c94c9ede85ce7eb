import DialogueEngine
import NIOCore
import PlanStore

extension ConnectionHandler {
    func run(_ command: ServerCommand) {
        switch command {
        case .resume(let code): resume(code)
        case .mode(let mode): switchMode(mode)
        case .host(let token): host(token)
        case .sessions: sessions()
        case .say(let target, let text): say(to: target, text)
        case .watch(let target): watch(target)
        case .unwatch(let target): unwatch(target)
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
        case .name(let typed):
            if typed.trimmedSpaces.isEmpty {
                error(code: 400, ServerWords.nameUsage)
            } else if let clean = PersonName(typed) {
                name = clean.text
                note(ServerWords.named(clean.text))
            } else {
                error(code: 400, PersonName.rule)
            }
        }
    }

    // MARK: /resume

    func resume(_ typed: String) {
        openSaved(typed, notInLobby: inDialogue ? ServerWords.resumeInPlan : ServerWords.inRoom) { [self] box in
            error(code: 409, ServerWords.planInRoom(box.code))
        } make: { [privacy] in
            Opened(box: SessionBox(session: $0), opening: Session.withPrivacy(privacy, $1))
        } then: { [self] opened in
            logger.info("plan resumed", metadata: ["dialogue": "\(opened.box.dialogueID)"])
            open(opened)
        }
    }

    /// Opens a saved plan by the code typed (`/resume`, `/room resume`): checks where this person is,
    /// the store and the lockout, finds the plan on the journal pool, claims it (one plan has one
    /// writer: see `OpenPlans`), resumes it there, and makes of it what `make` makes (also there);
    /// `then` gets that here, and `inRoom` a group room that has the plan open. Every way a code can
    /// fail gives the same words, and counts towards the lockout.
    func openSaved<T: Sendable>(
        _ typed: String, notInLobby: String, inRoom: @escaping (RoomBox) -> Void,
        make: @escaping @Sendable (Session, [Event]) -> T, then: @escaping (T) -> Void
    ) {
        let code = Sanitize.line(typed).trimmedSpaces
        guard case .lobby = phase else { return error(code: 400, notInLobby) }
        guard let store = shared.configuration.store else { return error(code: 404, ServerWords.notSaving) }
        guard !code.isEmpty else { return error(code: 400, ServerWords.resumeUsage) }
        whenAllowed(.resumeCode, what: "codes") { [self] in
            findSaved(code, store: store, inRoom: inRoom, make: make, then: then)
        }
    }

    private func findSaved<T: Sendable>(
        _ code: String, store: PlanStore, inRoom: @escaping (RoomBox) -> Void,
        make: @escaping @Sendable (Session, [Event]) -> T, then: @escaping (T) -> Void
    ) {
        let library = shared.configuration.library
        perform({ () throws -> SavedOutcome<String> in
            let plan: PlanHandle
            do {
                plan = try store.open(code: code)
            } catch let error as StoreError where error.kind == .notFound {
                return .notFound
            }
            guard library.scripts.contains(where: { $0.id == plan.dialogueID }) else { return .dialogueGone(plan.dialogueID) }
            return .opened(plan.id)
        }) { [self] result in
            switch result {
            case .success(.opened(let planID)):
                claimThenOpen(planID, code: code, inRoom: inRoom, make: make, then: then)
            case .success(.notFound):
                if shared.hub.fail(.resumeCode, ledgerKey, now: now) {
                    logger.warning("locked out after wrong resume codes", metadata: ["address": "\(address)"])
                }
                error(code: 404, ServerWords.badCode)
            case .success(.dialogueGone(let id)):
                error(code: 404, ServerWords.dialogueGone(id))
            case .failure(let error):
                show([.failure("I could not open that plan: \(error)")])
            }
        }
    }

    /// Claims a saved plan for this connection, then reads it from the store and resumes it. When
    /// another connection has it open, that connection is asked to let go first (it tells its person),
    /// so the plan is read here only after its last write there.
    private func claimThenOpen<T: Sendable>(
        _ planID: String, code: String, asked: Bool = false, inRoom: @escaping (RoomBox) -> Void,
        make: @escaping @Sendable (Session, [Event]) -> T, then: @escaping (T) -> Void
    ) {
        guard let mailbox, isOpen, case .lobby = phase else { return }
        switch shared.openPlans.claim(planID, id: id, mailbox: mailbox) {
        case .claimed:
            heldPlan = planID
            let store = shared.configuration.store
            let library = shared.configuration.library
            let today = shared.configuration.today()
            perform({ () throws -> T? in
                guard let plan = try? store?.open(code: code), let script = library.scripts.first(where: { $0.id == plan.dialogueID }) else { return nil }
                let (session, opening) = plan.resume(script: script, support: library.support, today: today)
                return make(session, opening)
            }) { [self] result in
                switch result {
                case .success(let made?):
                    then(made)
                case .success(nil):
                    letGoOfPlan()
                    error(code: 404, ServerWords.badCode)
                case .failure(let error):
                    letGoOfPlan()
                    show([.failure("I could not open that plan: \(error)")])
                }
            }
        case .heldBy(let other) where !asked:
            logger.info("plan open on another connection: asking it to let go")
            let promise = other.eventLoop.makePromise(of: Void.self)
            other.send(.release(plan: planID, reply: promise))
            waitFor(promise.futureResult) { [self] _ in
                claimThenOpen(planID, code: code, asked: true, inRoom: inRoom, make: make, then: then)
            }
        case .heldBy, .opening:
            error(code: 409, ServerWords.planBusy)
        case .inRoom(let box):
            inRoom(box)
        }
    }

    /// This connection no longer has its plan open (it closed, or was handed elsewhere).
    func letGoOfPlan() {
        if let plan = heldPlan { shared.openPlans.release(plan, id: id) }
        heldPlan = nil
    }

    /// Another connection is opening this connection's plan: once any write on its way is durable,
    /// the plan closes here (the person is told where it went, and is back at the menu).
    func release(_ plan: String, reply: EventLoopPromise<Void>) {
        guard isOpen, heldPlan == plan, case .dialogue = phase else {
            if heldPlan == plan { letGoOfPlan() }
            return reply.succeed(())
        }
        if busy {
            pendingReleases.append((plan, reply))
            return
        }
        logger.info("plan opened on another connection: let go here")
        letGoOfPlan()
        phase = .lobby
        if sharing { disclosure = Disclosure() }
        if !json { append { $0.writeStaticString("\r\n") } }
        show([.notice(ServerWords.planTakenOver)] + shared.lobby.greeting())
        prompt()
        flush()
        reply.succeed(())
    }

    /// Checks a code or token now, or, when too many wrong ones came from this network (or from
    /// everywhere) lately, after `ServerLimits.lockedDelay`: slowed, never refused, so a person with
    /// the right one is not locked out by someone else guessing behind the same address.
    func whenAllowed(_ kind: FailureLedger.Kind, what: String, _ check: @escaping () -> Void) {
        guard shared.hub.isLocked(kind, ledgerKey, now: now), let context else { return check() }
        let delay = limits.lockedDelay
        note(ServerWords.slowCheck(what, seconds: max(1, Int((delay.nanoseconds + 999_999_999) / 1_000_000_000))))
        busy = true
        context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [self] in
            busy = false
            guard isOpen else { return }
            check()
            guard !busy else { return }
            prompt()
            processQueue()
        }
    }

    enum SavedOutcome<T: Sendable>: Sendable {
        case opened(T)
        case notFound
        case dialogueGone(String)
    }

    // MARK: /mode

    func switchMode(_ typed: String) {
        // `/mode json tandem-connect`: a client may say what it is, for the host's `/sessions`.
        let words = typed.split(separator: " ", maxSplits: 1)
        let mode = words.first.map(String.init) ?? ""
        if mode == "json", words.count > 1 {
            // Shown to hosts in /sessions: plain letters, digits and . _ - only, so it cannot pass for anything else.
            let label = String(String(words[1]).unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._- ".unicodeScalars.contains($0)) }.prefix(30)).trimmedSpaces
            client = label.isEmpty ? nil : label
        }
        switch mode {
        case "json":
            // Off the text prompt's line, so the hello is a line of its own.
            if !json { append { $0.writeStaticString("\r\n") } }
            json = true
            framer.maxLineLength = limits.maxJSONLine
            write(json: hello())
            showWhereWeAre()
        case "text":
            json = false
            framer.maxLineLength = limits.maxTextLine
            note(ServerWords.textMode)
            showWhereWeAre()
        default:
            error(code: 400, ServerWords.modeUsage)
        }
    }

    /// The menu or the open question, after a change of mode.
    private func showWhereWeAre() {
        switch phase {
        case .lobby: show(shared.lobby.greeting())
        case .dialogue, .room: show(openConversation?.repeatQuestion() ?? [])
        case .closing: break
        }
    }

    // MARK: /host

    func host(_ typed: String) {
        let token = typed.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { return error(code: 400, ServerWords.hostUsage) }
        whenAllowed(.hostToken, what: "tokens") { [self] in signIn(token) }
    }

    private func signIn(_ token: String) {
        guard HostToken.matches(token, shared.configuration.hostToken) else {
            if shared.hub.fail(.hostToken, ledgerKey, now: now) {
                logger.warning("locked out after wrong host tokens", metadata: ["address": "\(address)"])
            } else {
                logger.notice("wrong host token")
            }
            return error(code: 401, ServerWords.wrongToken)
        }
        isHost = true
        logger.info("host signed in")
        note(ServerWords.hostWelcome)
    }
}
