import DialogueEngine
import TandemProtocol

/// A host's desk (`/host`, `/sessions`, `/say`, `/watch`), and what a person who shares lets hosts see.
extension ConnectionLogic {
    // MARK: /host

    func signIn(_ typed: String) {
        let token = typed.trimmedSpaces
        guard !token.isEmpty else { return error(code: 400, ServerWords.hostUsage) }
        whenAllowed(.hostToken, what: "tokens") { [self] in
            guard HostToken.matches(token, services.hostToken) else {
                if services.hub.fail(.hostToken, ledgerKey, now: services.now()) {
                    log(.warning, "slowed after wrong host tokens", metadata: ["address": "\(address)"])
                } else {
                    log(.notice, "wrong host token")
                }
                return error(code: 401, ServerWords.wrongToken)
            }
            isHost = true
            services.hub.setHost(id)
            log(.info, "host signed in")
            note(ServerWords.hostWelcome)
        }
    }

    // MARK: What a host asks

    /// `/sessions`: every connection's id, name, dialogue, progress and idle time. Never answers.
    func sessions() {
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        let others = services.hub.all().filter { $0.id != id }.map(\.link)
        let mine = snapshot(idleSeconds: 0)
        work({
            var list: [ConnectionSnapshot] = []
            for link in others {
                if let snap = await link.snapshot() { list.append(snap) }
            }
            return list
        }) { [self] result in
            var list = [mine]
            if case .success(let others) = result { list += others }
            list.sort { $0.id < $1.id }
            send(.sessions(list))
        }
    }

    /// What `/sessions` shows about this connection.
    public func snapshot(idleSeconds: Int) -> ConnectionSnapshot {
        var snap = ConnectionSnapshot(id: id, name: name, isHost: isHost, dialogue: nil, progress: nil, finished: false,
            idleSeconds: idleSeconds, sharing: sharing, json: json, client: json ? client : nil)
        switch phase {
        case .room(let keeper):
            snap.dialogue = "\(keeper.title) (group \(keeper.code))"
            let status = keeper.status
            snap.finished = status.finished
            snap.progress = status.progress
        case .plan(let seat):
            snap.dialogue = seat.title
            // While a turn's write is on its way to disk, its answer is not shown as given yet.
            snap.finished = seat.session.conversation.isFinished
            snap.progress = seat.session.conversation.progress()
        case .lobby, .closing:
            break
        }
        return snap
    }

    /// `/say ID TEXT`, or `/say NAME TEXT`.
    func say(to target: String, _ text: String) {
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        guard !target.isEmpty, !Sanitize.line(text).trimmedSpaces.isEmpty else { return error(code: 400, ServerWords.sayUsage) }
        findSomeone(target + " " + text, withWords: true) { [self] someone in
            switch someone {
            case .found(let other, let name, let rest):
                let words = Sanitize.line(rest).trimmedSpaces
                guard !words.isEmpty else { return error(code: 400, ServerWords.sayUsage) }
                guard let link = services.hub.link(other) else { return error(code: 404, ServerWords.noSuchConnection(Sanitize.line(target))) }
                link.send(.fromHost(words))
                note(ServerWords.sent(Self.shown(other, name)))
            case .noOne:
                error(code: 404, ServerWords.noSuchConnection(Sanitize.line(String(target.prefix(40)))))
            case .several(let ids):
                error(code: 400, ServerWords.severalCalled(Sanitize.line(String(target.prefix(40))), ids: ids, command: "/say"))
            }
        }
    }

    /// `/watch ID` or `/watch NAME`: only if that person chose `/share`, and is not in a group room
    /// (where the group sees what they type, and `/share` changes nothing).
    func watch(_ typed: String) {
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        guard !typed.trimmedSpaces.isEmpty else { return error(code: 400, ServerWords.watchUsage) }
        findSomeone(typed, withWords: false) { [self] someone in
            switch someone {
            case .found(let target, _, _):
                guard let other = services.hub.link(target) else { return error(code: 404, ServerWords.noSuchConnection(target)) }
                let me = id
                work({ await other.watch(by: me) }) { [self] result in
                    switch result {
                    case .success(.watching(let name)):
                        watching.insert(target)
                        note(ServerWords.watching(Self.shown(target, name)))
                    case .success(.inRoom(let name)):
                        error(code: 403, ServerWords.watchInRoom(Self.shown(target, name)))
                    case .success(.notShared), .failure:
                        error(code: 403, ServerWords.notShared(target))
                    }
                }
            case .noOne:
                error(code: 404, ServerWords.noSuchConnection(Sanitize.line(String(typed.trimmedSpaces.prefix(40)))))
            case .several(let ids):
                error(code: 400, ServerWords.severalCalled(Sanitize.line(String(typed.trimmedSpaces.prefix(40))), ids: ids, command: "/watch"))
            }
        }
    }

    /// `/unwatch ID` or `/unwatch NAME`
    func unwatch(_ typed: String) {
        guard isHost else { return error(code: 403, ServerWords.hostOnly) }
        guard !typed.trimmedSpaces.isEmpty else { return error(code: 400, ServerWords.unwatchUsage) }
        let shown = Sanitize.line(String(typed.trimmedSpaces.prefix(40)))
        let stop = { [self] (target: String) in
            guard watching.remove(target) != nil else { return error(code: 400, ServerWords.notWatching(shown)) }
            services.hub.link(target)?.send(.unwatch(hostID: id))
            note(ServerWords.stoppedWatching(target == shown.lowercased() ? target : "\(target) (\(shown))"))
        }
        let target = typed.trimmedSpaces.lowercased()
        if watching.contains(target) { return stop(target) }
        findSomeone(typed, withWords: false) { [self] someone in
            switch someone {
            case .found(let other, _, _): stop(other)
            case .noOne: error(code: 400, ServerWords.notWatching(shown))
            case .several(let ids):
                // Only one of them can be watched by this host, or it names the one to stop.
                let watched = ids.filter(watching.contains)
                if watched.count == 1 { stop(watched[0]) } else { error(code: 400, ServerWords.severalCalled(shown, ids: ids, command: "/unwatch")) }
            }
        }
    }

    // MARK: Asking the host to talk

    /// `/talk`: this person would like a host to come and talk with them. Only that is passed on:
    /// in a group room to its host, otherwise to every host connected. Never logged: asking comes
    /// after the check-in heard distress, and the log is no place for that (the host is told).
    func talk(_ rest: String) {
        if ["no", "n", "no thanks", "no thank you"].contains(rest.trimmedSpaces.lowercased()) { return note(ServerWords.talkDeclined) }
        let me = id, myName = name
        if case .room(let keeper) = phase {
            work({ await keeper.alertHost(from: me) }) { [self] result in
                note((try? result.get()) == true ? ServerWords.talkSent : ServerWords.talkNoHost)
            }
            return
        }
        let hosts = services.hub.hosts().filter { $0.id != me }
        for host in hosts { host.link.send(.wantsToTalk(id: me, name: myName)) }
        note(hosts.isEmpty ? ServerWords.talkNoHost : ServerWords.talkSent)
    }

    // MARK: A person who shares

    /// A host would like to watch: yes, if this person shares.
    public func watchRequest(by host: String) -> WatchReply {
        if case .room = phase { return .inRoom(name: name) }
        guard sharing, !isClosing else { return .notShared }
        if !watchers.contains(host) { watchers.append(host) }
        return .watching(name: name)
    }

    /// After a turn: the answers the hosts this person shares with may see.
    func report(_ shown: [Disclosure.Shown], in conversation: Conversation) {
        guard sharing, !watchers.isEmpty else { return }
        for item in shown {
            guard let step = conversation.script.step(item.step), let q = step.question else { continue }
            let question = conversation.render(q.prompt) ?? item.step
            let answer = item.value.map { AnswerText.inline($0, spec: q.answer) }
            tellWatchers(.answered(step: item.step, question: question, answer: answer, withheld: item.withheld))
        }
    }

    func tellWatchers(_ kind: WatchEvent.Kind) {
        guard !watchers.isEmpty else { return }
        let event = WatchEvent(id: id, name: name, kind: kind)
        watchers.removeAll { host in
            guard let other = services.hub.link(host) else { return true }
            other.send(.watched(event))
            return false
        }
    }
}
