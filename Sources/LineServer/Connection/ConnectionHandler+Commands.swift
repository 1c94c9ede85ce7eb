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
            sharing = true
            note(ServerWords.shared)
        case .unshare:
            if sharing {
                sharing = false
                tellWatchers(.stoppedSharing)
                watchers = []
                note(ServerWords.unshared)
            } else {
                note(ServerWords.notSharing)
            }
        case .room(let rest): roomCommand(rest)
        case .join(let rest): join(rest)
        case .name(let typed):
            let clean = String(Sanitize.line(typed).trimmingCharacters(in: .whitespaces).prefix(40))
            if clean.isEmpty {
                error(code: 400, ServerWords.nameUsage)
            } else {
                name = clean
                note(ServerWords.named(clean))
            }
        }
    }

    // MARK: /resume

    func resume(_ typed: String) {
        openSaved(typed, notInLobby: inDialogue ? ServerWords.resumeInPlan : ServerWords.inRoom) {
            Opened(box: SessionBox(session: $0), opening: $1)
        } then: { [self] opened in
            logger.info("plan resumed", metadata: ["dialogue": "\(opened.box.dialogueID)"])
            open(opened)
        }
    }

    /// Opens a saved plan by the code typed (`/resume`, `/room resume`): checks where this person is,
    /// the store and the lockout, finds the plan on the journal pool and resumes it there, and makes
    /// of it what `make` makes (also there); `then` gets that here. Every way a code can fail gives
    /// the same words, and counts towards the lockout.
    func openSaved<T: Sendable>(_ typed: String, notInLobby: String, make: @escaping @Sendable (Session, [Event]) -> T, then: @escaping (T) -> Void) {
        let code = Sanitize.line(typed).trimmedSpaces
        guard case .lobby = phase else { return error(code: 400, notInLobby) }
        guard let store = shared.configuration.store else { return error(code: 404, ServerWords.notSaving) }
        guard !code.isEmpty else { return error(code: 400, ServerWords.resumeUsage) }
        guard !shared.hub.isLocked(.resumeCode, limitKey, now: now) else {
            return error(code: 403, ServerWords.tooMany("codes", lockout: limits.lockout))
        }
        let library = shared.configuration.library
        let today = shared.configuration.today()
        perform({ () throws -> SavedOutcome<T> in
            let plan: PlanHandle
            do {
                plan = try store.open(code: code)
            } catch let error as StoreError where error.kind == .notFound {
                return .notFound
            }
            guard let script = library.scripts.first(where: { $0.id == plan.dialogueID }) else { return .dialogueGone(plan.dialogueID) }
            let (session, opening) = plan.resume(script: script, support: library.support, today: today)
            return .opened(make(session, opening))
        }) { [self] result in
            switch result {
            case .success(.opened(let made)):
                then(made)
            case .success(.notFound):
                if shared.hub.fail(.resumeCode, limitKey, now: now) {
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
            let label = String(Sanitize.line(String(words[1])).trimmedSpaces.prefix(30))
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
        guard !shared.hub.isLocked(.hostToken, limitKey, now: now) else {
            return error(code: 403, ServerWords.tooMany("tokens", lockout: limits.lockout))
        }
        guard HostToken.matches(token, shared.configuration.hostToken) else {
            if shared.hub.fail(.hostToken, limitKey, now: now) {
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
