import Testing

@testable import DialogueEngine

/// Conditions: parsing, syntax errors with offsets, type checks against the answer types, and truth.
@Suite struct ExpressionTests {
    typealias T = TestSupport

    func parse(_ s: String) throws -> Expression { try Expression.parse(s) }

    // MARK: Parsing

    @Test func comparisonsAndLiterals() throws {
        #expect(try parse("energy <= 3") == .compare(.lessOrEqual, .name("energy", offset: 0), .number(3), offset: 7))
        #expect(try parse("relationship == \"other\"") == .compare(.equal, .name("relationship", offset: 0), .string("other"), offset: 13))
        #expect(try parse("a != 'x'") == .compare(.notEqual, .name("a", offset: 0), .string("x"), offset: 2))
        #expect(try parse("ok == true") == .compare(.equal, .name("ok", offset: 0), .bool(true), offset: 3))
        #expect(try parse("t > -2.5") == .compare(.greater, .name("t", offset: 0), .number(-2.5), offset: 2))
        for op in ["==", "!=", "<", "<=", ">", ">="] {
            guard case .compare(let cmp, _, _, _) = try parse("x \(op) 1") else {
                Issue.record("\(op) did not parse as a comparison")
                continue
            }
            #expect(cmp.rawValue == op)
        }
    }

    @Test func idsWithDashesAreOneName() throws {
        #expect(try parse("calm-ways") == .name("calm-ways", offset: 0))
        #expect(try parse("time-for-me <= 3") == .compare(.lessOrEqual, .name("time-for-me", offset: 0), .number(3), offset: 12))
    }

    @Test func andBindsTighterThanOr() throws {
        let e = try parse("a or b and c")
        #expect(e == .or(.name("a", offset: 0), .and(.name("b", offset: 5), .name("c", offset: 11))))
        let left = try parse("a and b or c")
        #expect(left == .or(.and(.name("a", offset: 0), .name("b", offset: 6)), .name("c", offset: 11)))
    }

    @Test func notBindsTighterThanAnd() throws {
        #expect(try parse("not a and b") == .and(.not(.name("a", offset: 4)), .name("b", offset: 10)))
        #expect(try parse("not not a") == .not(.not(.name("a", offset: 8))))
        #expect(try parse("not a == 1") == .not(.compare(.equal, .name("a", offset: 4), .number(1), offset: 6)))
    }

    @Test func parenthesesGroup() throws {
        #expect(try parse("(a or b) and c") == .and(.or(.name("a", offset: 1), .name("b", offset: 6)), .name("c", offset: 13)))
        #expect(try parse("((a))") == .name("a", offset: 2))
    }

    @Test func inAnsweredAndCount() throws {
        #expect(try parse("\"music\" in calm-ways") == .contains(.string("music"), .name("calm-ways", offset: 11), offset: 8))
        #expect(try parse("answered(name)") == .answered("name", offset: 9))
        #expect(try parse("count(helpers) >= 2") == .compare(.greaterOrEqual, .count("helpers", offset: 6), .number(2), offset: 15))
        #expect(try parse("not answered(name) or count(x) == 0").names.map(\.0) == ["name", "x"])
    }

    @Test(arguments: [
        ("energy = 3", 7, "use == to compare"),
        ("a ! b", 2, "use != or not"),
        ("a == \"open", 5, "no closing"),
        ("(a or b", 0, "is not closed"),
        ("a ==", 4, "ends too soon"),
        ("", 0, "ends too soon"),
        ("and a", 0, "needs something before it"),
        ("a b", 2, "did not expect"),
        ("a == 1 2", 7, "did not expect"),
        ("answered name", 0, "write answered(step-id)"),
        ("count()", 0, "write count(step-id)"),
        ("a == 3 % 2", 7, "do not understand \"%\""),
        (") a", 0, "did not expect"),
        ("a == 1..2", 5, "is not a number"),
    ])
    func syntaxErrorsSayWhere(_ text: String, _ offset: Int, _ message: String) {
        #expect {
            _ = try Expression.parse(text)
        } throws: { error in
            guard let e = error as? ExpressionSyntaxError else { return false }
            return e.offset == offset && e.message.contains(message)
        }
    }

    @Test func syntaxErrorColumnInTheFile() throws {
        // The offset is added to the column where the condition starts, after an opening quote.
        let d = T.diagnostics("""
            - id: a
              ask: A?
              answer: number
            - id: b
              when: 'a == 1 or'
              say: B.
            """)
        let first = try #require(d.first)
        #expect(first.code == .expressionSyntax)
        #expect(first.location.line == 5 + T.stepsLineOffset)
        #expect(first.location.column == 15 + 10)
    }

    // MARK: Type checks (D015)

    static let typed = """
        - id: relationship
          ask: Who are you?
          answer: pick-one
          options:
            parent: A parent
            friend: A friend
        - id: calm-ways
          ask: What helps?
          answer: pick-many
          options:
            music: Music
            walk: A walk
        - id: name
          ask: Name?
          answer: text
        - id: energy
          ask: Energy?
          answer: scale
          range: [0, 10]
        - id: ok
          ask: OK?
          answer: yes-no
        - id: when-next
          ask: When?
          answer: date
        - id: worries
          ask: Worries?
          answer: list
        - id: helpers
          ask: Helpers?
          answer: records
          fields:
            - {id: who, ask: Who?, answer: text}
        """

    func check(_ condition: String) -> [Diagnostic] {
        T.diagnostics(Self.typed + "\n- id: probe\n  when: '\(condition.replacingOccurrences(of: "'", with: "''"))'\n  say: Probe.")
    }

    @Test(arguments: [
        "relationship == \"friend\"", "relationship != \"parent\"", "\"music\" in calm-ways", "name == \"Sam\"",
        "energy <= 3", "energy > 2 and ok == true", "not ok", "ok", "answered(name)", "count(worries) >= 2",
        "count(helpers) == 0", "count(calm-ways) > 1", "when-next < when-next", "role == \"carer\"",
        "(energy < 3 or energy > 7) and not answered(name)", "\"Sam\" in worries",
    ])
    func wellTypedConditions(_ condition: String) {
        let d = check(condition)
        #expect(d.isEmpty, "\(d.map(DiagnosticRenderer.text))")
    }

    @Test func pickOneComparedWithANonOption() throws {
        let d = check("relationship == \"frend\"")
        let first = try #require(d.first)
        #expect(d.count == 1)
        #expect(first.code == .typeError)
        #expect(first.message == "\"relationship\" has no option \"frend\", so this can never be true")
        #expect(first.help == "did you mean \"friend\"?")
        // The condition is quoted, so it starts one column after the quote.
        #expect(first.location.column == 16)
    }

    @Test func pickManyTestedForANonOption() throws {
        let d = check("\"jazz\" in calm-ways")
        #expect(d.map(\.code) == [.typeError])
        #expect(d.first?.help == "its options are: music, walk")
    }

    @Test(arguments: [
        ("name < \"x\"", "< compares numbers"),
        ("relationship > 2", "> compares numbers"),
        ("\"x\" in name", "\"in\" needs a list or pick-many answer on its right"),
        ("\"x\" in energy", "\"in\" needs a list or pick-many answer on its right"),
        ("3 in worries", "\"in\" needs text on its left"),
        ("energy == \"high\"", "cannot compare a number with text"),
        ("calm-ways == \"music\"", "cannot compare a list with text"),
        ("count(name) > 1", "count(name) needs a list"),
        ("not energy", "not needs true or false"),
        ("ok and name", "and/or needs true or false"),
        ("energy", "when: must be true or false, but this is a number"),
        ("3", "when: must be true or false, but this is a number"),
        ("name", "when: must be true or false, but this is text"),
        ("count(worries)", "when: must be true or false, but this is a number"),
    ])
    func typeErrors(_ condition: String, _ message: String) {
        let d = check(condition)
        #expect(d.map(\.code) == [.typeError], "\(d.map(\.message))")
        #expect(d.first?.message.contains(message) == true, "\(d.map(\.message))")
    }

    @Test func aNumberConditionSuggestsAComparison() {
        let d = check("energy")
        #expect(d.first?.help == "compare it, for example: energy >= 5")
    }

    @Test func unknownNamesSuggestEarlierQuestions() {
        let d = check("enrgy > 1")
        #expect(d.map(\.code) == [.unknownName])
        #expect(d.first?.help == "did you mean \"energy\"?")
        let word = check("name == Samantha")
        #expect(word.map(\.code) == [.unknownName])
        #expect(word.first?.help?.contains("text needs quotes") == true)
    }

    @Test func ifConditionsAreTypedToo() {
        let d = T.diagnostics(Self.typed + """

            - id: probe
              ask: Probe?
              answer: number
              next:
                - if: probe == "many"
                  go: end
                - go: end
            """)
        #expect(d.map(\.code) == [.typeError])
    }

    // MARK: Truth

    func truth(_ condition: String, _ answers: [String: AnswerValue], role: String? = nil) throws -> Bool {
        Evaluator(answers: answers, role: role).isTrue(try parse(condition))
    }

    @Test func aQuestionWithNoAnswerEqualsNothing() throws {
        #expect(try truth("x == \"a\"", [:]) == false)
        #expect(try truth("x != \"a\"", [:]) == true)
        #expect(try truth("x < 3", [:]) == false)
        #expect(try truth("x >= 3", [:]) == false)
        #expect(try truth("\"a\" in x", [:]) == false)
        #expect(try truth("not answered(x)", [:]) == true)
        #expect(try truth("count(x) == 0", [:]) == true)
        #expect(try truth("x", [:]) == false)
        #expect(try truth("not x", [:]) == true)
        #expect(try truth("x == true", [:]) == false)
        #expect(try truth("x == false", [:]) == false)
    }

    @Test func truthWithAnswers() throws {
        let answers: [String: AnswerValue] = [
            "rel": .choice("other"), "ways": .choices(["music", "walk"]), "energy": .number(3), "ok": .bool(true),
            "d": .date(SimpleDate(year: 2027, month: 3, day: 1)!), "list": .list(["a", "b", "c"]),
            "people": .records([["who": .text("Sam")]]), "name": .text("Sam"),
        ]
        #expect(try truth("rel == \"other\"", answers))
        #expect(try truth("rel != \"parent\"", answers))
        #expect(try truth("\"music\" in ways", answers))
        #expect(try truth("not (\"talk\" in ways)", answers))
        #expect(try truth("energy <= 3 and energy > 2", answers))
        #expect(try truth("ok", answers))
        #expect(try truth("ok == true", answers))
        #expect(try truth("not ok", answers) == false)
        #expect(try truth("d == d", answers))
        #expect(try truth("count(list) == 3 and count(ways) == 2 and count(people) == 1", answers))
        #expect(try truth("answered(people)", answers))
        #expect(try truth("energy > 5 or name == \"Sam\"", answers))
        #expect(try truth("role == \"carer\"", [:], role: "carer"))
        #expect(try truth("role == \"carer\"", [:]) == false)
    }

}
