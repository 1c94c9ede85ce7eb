import Foundation
import Testing

@testable import DialogueEngine

/// The check-in words against the labelled corpus (Fixtures/check-in/corpus.tsv): the bar from
/// issue 9 is recall of at least 95% and false alarms of at most 15%, on the whole corpus and on
/// the held-out part. `scripts/check-in-report` prints the figures and every line that went wrong.
/// The check-in as it hears people: the patterns and the weighed words. (Batch N's tuning lines
/// were given to the weights, not to new patterns, so the patterns alone hear fewer than 95% of
/// the whole corpus since: 92.6% on 5 December.)
@Suite struct CheckInCorpusTests {
    static let corpus: CheckInCorpus = {
        let url = TestSupport.fixtures.appendingPathComponent("check-in/corpus.tsv")
        return CheckInCorpus(text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    static let report = corpus.evaluate(DistressMatcherTests.withWeights)

    @Test func theCorpusIsLargeEnoughAndReads() {
        let c = Self.corpus
        #expect(c.problems.isEmpty, "\(c.problems)")
        #expect(c.lines.count >= 300)
        #expect(c.lines.filter { $0.label != .none }.count >= 200)
        #expect(c.lines.filter { $0.label == .none }.count >= 100)
        // Lines never tuned on: the corpus's held-out part, and since batch O (6 December 2026) the
        // set-aside lines of new writers go to unseen.tsv instead, where no report shows them.
        let unseen = CheckInUnseenTests.report.heldOut
        let neverTuned = c.lines.filter(\.heldOut).count + unseen.distress + unseen.harmless
        let heldOut = Double(neverTuned) / Double(c.lines.count + unseen.distress + unseen.harmless)
        #expect(heldOut >= 0.2, "a fifth of the lines are held out")
        for kind in ["spelling", "slang", "method", "welsh", "other", "context", "figure", "accident", "bereavement"] {
            #expect(c.lines.contains { $0.kind == kind }, "no \(kind) lines")
        }
    }

    @Test func wholeCorpus() {
        let f = Self.report.whole
        #expect(f.recall >= 0.95, "recall \(f.recall): misses \(Self.report.misses.map(\.text))")
        #expect(f.falseAlarmRate <= 0.15, "false alarms \(f.falseAlarmRate)")
    }

    /// Held out: measured, never tuned on (lines marked `holdout`). Lines added to tune the words
    /// are marked `tune`; a held-out line that was looked at while tuning is moved to `tune`, never
    /// kept as held out (see docs/safety.md).
    @Test func heldOut() {
        let f = Self.report.heldOut
        #expect(f.recall >= 0.95, "held-out recall \(f.recall): misses \(Self.report.misses.filter(\.heldOut).map(\.text))")
        #expect(f.falseAlarmRate <= 0.15, "held-out false alarms \(f.falseAlarmRate)")
    }

    /// `check-in-report --by-kind` prints these: each kind's figures, whole and held out, counted
    /// exactly as the totals are.
    @Test func figuresByKindAddUpAndKeepHeldOutApart() {
        let text = "self\ttune\tmethod\ti want to kill myself\nself\tholdout\tmethod\tthe weather was fine today\n"
            + "none\tholdout\tfigure\tI cut myself shaving this morning\nnone\ttune\tfigure\tmy mum rang about the garden\n"
            + "other\ttune\tother\tmy son wants to kill himself\n"
        let report = CheckInCorpus(text: text).evaluate(DistressMatcherTests.matcher)
        let method = report.wholeByKind["method"], heldOutMethod = report.heldOutByKind["method"]
        #expect(method?.distress == 2 && method?.heard == 1)
        #expect(heldOutMethod?.distress == 1 && heldOutMethod?.heard == 0)
        #expect(report.wholeByKind["figure"]?.harmless == 2 && report.wholeByKind["figure"]?.falseAlarms == 0)
        #expect(report.heldOutByKind["other"] == nil, "no held-out line of that kind")
        let kinds = report.wholeByKind.values
        #expect(kinds.map(\.distress).reduce(0, +) == report.whole.distress && kinds.map(\.heard).reduce(0, +) == report.whole.heard)
        #expect(kinds.map(\.harmless).reduce(0, +) == report.whole.harmless && kinds.map(\.falseAlarms).reduce(0, +) == report.whole.falseAlarms)
        let whole = Self.report.wholeByKind.values
        #expect(whole.map(\.heard).reduce(0, +) == Self.report.whole.heard)
        #expect(Self.report.heldOutByKind.values.map(\.falseAlarms).reduce(0, +) == Self.report.heldOut.falseAlarms)
    }

    @Test func mostLinesAreHeardAsAboutTheRightPerson() {
        let f = Self.report.whole
        #expect(Double(f.wrongWho) / Double(max(1, f.heard)) <= 0.05, "\(Self.report.wrongWho.map(\.line.text))")
        // 21 until 6 December 2026, when who-words stopped matching with doubled letters ("soon"
        // as "son"), "they" after the person's own things stopped saying someone else, and a
        // carer's fear of what they are starting to do was read as such: 14; 11 once a threat on a
        // condition put to the person typing ("if i tell anyone...") was read as made to them. 12
        // once 31 lines of unseen.tsv, read by mistake, came here (one of them is read about the
        // wrong person). 18 once batch O's 408 tuning lines came (a threat to self-harm used to
        // control, stalking "outside the kids school", a carer who pushed a parent). A floor, not a
        // target. 22 once batch P's 330 came (three harm patterns whose who-reading meets
        // someone else's name first: "moved to my nans to get away from him").
        // 25 with batch Q's 300 (6 December 2026). 33 with batch R's 300 (eating, drink and drugs):
        // another's things named inside the match ("my mums diazepam", "my brothers fat burners",
        // "pills off a lad at school"), and a carer's words with "us" or "in my care" before them.
        // 45 with batch S's 300, most of them a carer's or a worker's words about someone named
        // only by a name or a title ("Mrs K is refusing all meals", "Leanne relapsed on crack").
        // 50 with batch U's 301 (ninth session): "took them all about an hour ago", "all him" after
        // missed calls, and letters "for when theyre older" read "them" and "him" as the one at risk.
        // 47 once "them" inside a match stopped saying who and a who-word before a place ("outside
        // the kids school") stopped naming the one harmed (tenth session); 46 once a weighed line's
        // "its him" named the one doing it; 47 once a weighed line's "he" or "she" alone stopped
        // saying someone else ("Key worker for Aisha: she's been skipping meals" is read as the
        // person typing's; the gentle line speaks of both). 50 with batch V's 315 (a worker who is
        // kept from a client, a pupil's things named by their age, "before the kids get back").
        // 51 with 38 Welsh lines ("mae ei chariad yn rheoli ei harian": "her" is only in the
        // mutation of "arian"). 60 with batch W's 235 (a rope found "in his wardrobe" after the
        // match, "his mum keeps driving past" where his mum is the one doing it, a tracker "on the
        // car" after "my ex", and weighed lines whose only who-word is "she" or "someone"). 65 with
        // batch X's 344 (carers naming the one they care for after the words, and weighed lines of
        // theirs heard once the threshold went to 0.85). 66 with batch AA's 122 and the threshold at
        // 0.84 (fifteenth session): the weights now hear "not alowed to see friends", and read
        // "friends" as the one at risk.
        #expect(f.wrongWho <= 66, "\(Self.report.wrongWho.map(\.line.text))")
    }
}

/// Lines nobody tuning the words has read (Fixtures/check-in/unseen.tsv, written by three other
/// writers on 5 December 2026): the honest guide to lines the words have never met. Their figures are a
/// floor that changes to the words must not lower; a failure gives the figures, never the lines
/// (a line that has been read is no longer unseen: it moves to corpus.tsv as a tuning line).
@Suite struct CheckInUnseenTests {
    static let report: CheckInCorpus.Report = {
        let url = TestSupport.fixtures.appendingPathComponent("check-in/unseen.tsv")
        let corpus = CheckInCorpus(text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
        return corpus.evaluate(DistressMatcherTests.matcher)
    }()

    @Test func unseenLinesAreHeardAtLeastAsWellAsWhenTheyWereSetAside() {
        let f = Self.report.heldOut
        // The patterns alone. Batch L's 130: 59 of 91 (64.8%) when they were set aside, 1 false
        // alarm of 39. Batch M's first 110: 37 of 76 (48.7%) before and after tuning on their
        // writer's other lines; its second 110: 30 of 75 (40.0%), the same. All 350 after batch M:
        // 134 of 242, 3 of 108; one line (heard) then moved to the corpus, having been read by
        // mistake. Batch N's two set-aside hundreds (5 December, evening): 43 of 80 and 31 of 80, 1
        // false alarm of 20 each. All 549: 207 of 401; 188 of 370 once 31 lines read by mistake
        // moved to the corpus (6 December 2026); 189 once wanting to hurt people was heard, 190
        // once calls from withheld numbers were; 192 after batch O's tuning. Then batch O's 259
        // set-aside lines by a ninth writer came (6 December 2026): 110 of 204 when set aside, 3
        // false alarms of 55; 118 after batch O's tuning, with the same 3. All 777: 310 of 574, 311 once "he slapt me" and "i dont care what happens to me" were heard;
        // 8 false alarms of 203; 324 after batch P's tuning. Then batch P's 220 set-aside lines by
        // an eleventh writer: 67 of 175 when set aside, 2 false alarms of 45; 77 after its tuning,
        // the same 2. All 997: 401 of 749, 10 false alarms of 248; 402 once the patterns of harm after the one doing it were read in one pass.
        // 406 after batch Q's tuning (its patterns of plans and goodbyes). Then batch Q's 200
        // set-aside lines by a thirteenth writer: 71 of 145 when set aside, 1 false alarm of 55;
        // still 71 after its tuning (the patterns written for its tuning lines met none of
        // them). All 1,197: 477 of 894, 11 false alarms of 303. Then batch R's 200 set-aside lines
        // by a fifteenth writer (eating, drink and drugs): 7 of 115 before the family had words, 1
        // false alarm of 85 after; 34 with its first patterns, 49 after batch R's tuning. All 1,397:
        // 526 of 1,009, 11 false alarms of 388. Batch S's 200 by a seventeenth writer: 46 of 120
        // before its tuning, 52 after (batch R's rose to 58 of 115 with it). All 1,597: 587 of
        // 1,129, 12 false alarms of 468; 588 once "I feel like dying" was heard (ninth session).
        // Batch T's 127 short lines (one to four words) by an eighteenth writer: 59 of 82, 1 false
        // alarm of 45, before and after its tuning. All 1,724: 647 of 1,211, 13 of 513; 650 after
        // batch U's patterns. Batch U's 148 set-aside lines by a nineteenth writer (means and plans
        // said indirectly, being followed): 30 of 106 when set aside, 0 false alarms of 42; 32 after
        // its tuning. All 1,872: 682 of 1,317, 13 false alarms of 555. Tenth session: 685 once the
        // who-reading changed and 4 of batch U's moved to the corpus (read by mistake). Batch V's 159
        // set-aside lines by a twentieth writer (means said indirectly, being followed, control,
        // drink): 33 of 120 when set aside, 0 false alarms of 39; 34 after its tuning. All 2,027:
        // 717 of 1,433, 13 false alarms of 594. Batch W's 118 by a twenty-first writer (plans and
        // means said indirectly, being followed): 16 of 81 when set aside, 2 false alarms of 37, and
        // the same after its tuning. All 2,145: 735 of 1,514, 15 false alarms of 631. Batch X's 173
        // by a twenty-second writer (carers', families' and staff's day-to-day words, and risk in
        // the same voices): 30 of 40 when set aside, 2 false alarms of 133. All 2,318: 765 of
        // 1,554, 16 false alarms of 764. Thirtieth session (batch AE's patterns: not coping,
        // breaking point, falling apart, given up, "going to kill me", anorexic): 773 heard (771
        // before) and 18 false alarms (16 before); the two were not looked at (docs/safety.md).
        #expect(f.distress >= 1554 && f.harmless >= 764, "the file holds \(f.distress) lines with distress and \(f.harmless) without")
        #expect(f.heard >= 765, "unseen lines heard: \(f.heard) of \(f.distress)")
        #expect(f.falseAlarms <= 18, "unseen false alarms: \(f.falseAlarms) of \(f.harmless)")
    }

    /// With the weighed words (check-in-weights.tsv), as people are heard. On the first 349 lines
    /// the patterns' 133 of 241 rose to 194 (80.5%), with 6 false alarms of 108 rather than 3. The
    /// weights' settings (fit 100, threshold 0.9, at least 5 words) were chosen among twelve by
    /// those figures and the corpus's held-out everyday answers, so for the settings those lines
    /// are no longer quite unseen. Batch N's two hundreds were not used to choose: 57 and 59 of 80
    /// when set aside; 61 and 60 of 80 once the weights had learned from both writers' other
    /// lines. All 549: 329 of 401 (82.0%), 11 false alarms of 148 (5 December 2026, evening); 331
    /// once the weights read misspelled words (6 December). Then 31 lines were read by mistake and
    /// moved to the corpus as tuning lines: 306 of the 370 left (82.7%), the same 11 false alarms;
    /// and once the weights had learned from them too, 308 (83.2%), with 13 false alarms of 148;
    /// 310 once they had also learned from the developer's lines of how people type (the same day);
    /// 311 once the patterns heard calls from withheld numbers; 318 after batch O's tuning (its
    /// 408 lines of a new writer, and the patterns it showed were missing). Then batch O's 259
    /// set-aside lines came: 176 of 204 (86.3%) when set aside, 3 false alarms of 55; 183 (89.7%)
    /// after batch O's tuning, the same 3. All 777: 501 of 574 (87.3%), 16 false alarms of 203; 505
    /// (88.0%) after batch P's tuning, 17 false alarms. Batch P's 220 set-aside lines: 130 of 175
    /// (74.3%) when set aside, 3 false alarms of 45; 139 (79.4%) after its tuning, the same 3. All
    /// 997: 644 of 749 (86.0%), 20 false alarms of 248; 651 (86.9%) after batch Q's tuning, 22
    /// false alarms (648 and 20 had the weights not learned from batch Q's lines). Batch Q's 200
    /// set-aside lines: 110 of 145 (75.9%) when set aside, 4 false alarms of 55; 119 (82.1%) after
    /// its tuning, 2 false alarms. All 1,197: 770 of 894 (86.1%), 24 false alarms of 303; 774 and
    /// 21 once the weights learned batch R's 300 lines. Batch R's 200 set-aside lines (eating,
    /// drink and drugs): 60 of 115 (52.2%) before the family had words, 8 false alarms of 85; 94
    /// (81.7%) after its tuning, 6 false alarms. All 1,397: 868 of 1,009 (86.0%), 27 of 388.
    /// Batch S's 200 (the same family, said indirectly and by carers): 93 of 120 (77.5%) before its
    /// tuning, 9 false alarms of 80; 97 (80.8%) after it, 6 false alarms (batch R's: 100 of 115).
    /// All 1,597: 969 of 1,129 (85.8%), 31 false alarms of 468; 970 once "I feel like dying" was
    /// heard. Then the weights were read from three words up, not five (ninth session), and learned
    /// batch T's 264 short tuning lines: 975 of the 1,129 (86.4%), 32 false alarms. Batch T's 127
    /// short set-aside lines: 59 of 82 when set aside (no line under five words was weighed), 65 had
    /// the weights then been read from three words, 67 (81.7%) after its tuning; 1 false alarm of 45
    /// throughout. All 1,724: 1,042 of 1,211 (86.0%), 33 false alarms of 513; 1,044 with batch U's
    /// patterns. Batch U's 148 set-aside lines (means and plans said indirectly, being followed): 66
    /// of 106 (62.3%) when set aside, 0 false alarms of 42; 67 with its patterns; 71 (67.0%) once
    /// the weights learned its 301 tuning lines, 1 false alarm (batch T's rose to 69 of 82, the older
    /// 1,597 to 990 of 1,129 with 31 false alarms). All 1,872: 1,130 of 1,317 (85.8%), 33 of 555.
    /// Tenth session: 4 of batch U's moved to the corpus (read by mistake); the other 1,868: 1,127
    /// of 1,313 before batch V, 1,143 (87.1%) with 32 false alarms once its patterns came and the
    /// weights learned its 315 tuning lines. Batch V's 159 set-aside lines: 84 of 120 (70.0%) when
    /// set aside, 3 false alarms of 39; 85 with its patterns; 86 (71.7%) once the weights learned
    /// it. All 2,027: 1,229 of 1,433 (85.8%), 35 false alarms of 594; 34 once the weights learned
    /// 38 Welsh lines (the older 1,868: 1,143 of 1,313, 31 false alarms). Batch W's 118 set-aside
    /// lines (plans and means said indirectly, being followed): 60 of 81 (74.1%) when set aside, 6
    /// false alarms of 37; the same with its patterns; 62 (76.5%) once the weights learned its 235
    /// tuning lines (batch V's rose to 87 of 120, the 2,027 before batch W to 1,233 with 34 false
    /// alarms). All 2,145: 1,295 of 1,514 (85.5%), 40 false alarms of 631. Eleventh session: batch
    /// X's 173 set-aside lines (carers', families' and staff's day-to-day words with look-alikes,
    /// and risk in the same voices): 39 of 40 when set aside, 17 false alarms of 133 (15 from the
    /// weights). Once the weights learned its 344 tuning lines they heard less (the 2,145: 1,272 at
    /// threshold 0.9), so the threshold went to 0.85, where the corpus's held-out everyday answers
    /// bring the gentle line as often as before (22 of 472): the 2,145 at 1,312 (86.7%), 48 false
    /// alarms; batch X's 38 of 40, 11 false alarms. All 2,318: 1,350 of 1,554 (86.9%), 59 false
    /// alarms of 764. Twelfth session, once the weights learned batch Y's everyday answers of not
    /// knowing ("i dont know", "not sure", "all of them"): 1,345 (86.6%), 61 false alarms; a cost
    /// the unseen lines show, taken for 28 false alarms fewer of 111 everyday answers of that kind
    /// (docs/safety.md, "Everyday answers of not knowing"). Fourteenth session, once the weights
    /// learned batch Z's places and caring ("my nan's house", "i look after my mum"): 1,344
    /// (86.5%), 63 false alarms; taken for 19 false alarms fewer of batch Z's 55 (7 of its 18 held out).
    /// Fifteenth session, once the weights learned batches AA and AB (a developer's lines from trying
    /// the plans) with the threshold at 0.84: 1,347 (86.7%), 63 false alarms. Sixteenth session,
    /// once they learned batch AC's everyday answers (names given as "X but everyone calls me Y",
    /// "tea i think", "not put me on nights") with the threshold at 0.83: 1,348 (86.7%), 64 false
    /// alarms; taken for 13 false alarms fewer of batch AC's 24 (3 fewer of its 8 held out). The
    /// threshold was chosen with these figures in view (docs/safety.md).
    @Test func withTheWeighedWordsMoreUnseenLinesAreHeard() {
        let url = TestSupport.fixtures.appendingPathComponent("check-in/unseen.tsv")
        let f = CheckInCorpus(text: (try? String(contentsOf: url, encoding: .utf8)) ?? "").evaluate(DistressMatcherTests.withWeights).heldOut
        #expect(f.heard >= 1348, "unseen lines heard with the weighed words: \(f.heard) of \(f.distress)")
        #expect(f.falseAlarms <= 64, "unseen false alarms with the weighed words: \(f.falseAlarms) of \(f.harmless)")
        // 8 until 6 December 2026; 6 once a threat on a condition put to the person typing was
        // read as made to them; 5 of the 518 lines left once 31 read by mistake moved to the corpus;
        // 12 of 777 with batch O's set-aside lines; 17 of 997 with batch P's; 22 of 1,197 with
        // batch Q's; 21 once the weights learned batch R's lines; 25 of 1,397 with batch R's
        // set-aside lines; 32 of 1,597 with batch S's (carers and workers naming someone by name);
        // 30 once residents, tenants and prisoners were read as someone else (ninth session); 35 of
        // 1,872 with batch U's set-aside lines; 29 once "them" inside a match, a who-word before a
        // place, and a weighed line's "he", "she" or "its him" stopped saying someone else (tenth
        // session); 33 of 2,027 with batch V's set-aside lines; 37 of 2,145 with batch W's; 37 of
        // 2,318 with batch X's.
        #expect(f.wrongWho <= 37)
    }
}
