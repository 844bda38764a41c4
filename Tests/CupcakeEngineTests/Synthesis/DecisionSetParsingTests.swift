import Testing
@testable import CupcakeEngine

@Suite("DecisionSet parsing")
struct DecisionSetParsingTests {
    private func parse(_ text: String) throws -> DecisionSet {
        try DecisionSet(json: try JSONValue.parse(text))
    }

    private func failure(_ text: String) throws -> DecisionSetError? {
        let value = try JSONValue.parse(text)
        do {
            _ = try DecisionSet(json: value)
            return nil
        } catch {
            return error
        }
    }

    @Test("reads every list and every decision field")
    func readsEverything() throws {
        let set = try parse("""
            {"halts":[{"rule_id":"H","reason":"h","severity":"CRITICAL"}],
             "denials":[{"rule_id":"D","reason":"d","severity":"high"}],
             "blocks":[{"rule_id":"B","reason":"b","severity":"Low"}],
             "asks":[{"rule_id":"A","reason":"a","severity":"MEDIUM","question":"Proceed?"}],
             "modifications":[{"rule_id":"M","reason":"m","severity":"INFO","priority":50,"updated_input":{"command":"x"}}],
             "allow_overrides":[{"rule_id":"O","reason":"o","severity":"LOW"}],
             "add_context":["c1","c2"],
             "something_new":[1,2,3]}
            """)
        #expect(set.halts == [Decision(ruleID: "H", reason: "h", severity: .critical)])
        #expect(set.denials == [Decision(ruleID: "D", reason: "d", severity: .high)])
        #expect(set.blocks == [Decision(ruleID: "B", reason: "b", severity: .low)])
        #expect(set.asks == [Decision(ruleID: "A", reason: "a", severity: .medium, question: "Proceed?")])
        #expect(set.modifications == [Decision(ruleID: "M", reason: "m", severity: .info, priority: 50,
                                               updatedInput: ["command": "x"])])
        #expect(set.allowOverrides == [Decision(ruleID: "O", reason: "o", severity: .low)])
        #expect(set.addContext == ["c1", "c2"])
        #expect(set.count == 8)
        #expect(!set.isEmpty)
    }

    @Test("missing and null lists are empty")
    func missingListsAreEmpty() throws {
        #expect(try parse("{}") == .empty)
        #expect(try parse(#"{"halts":null,"add_context":null}"#) == .empty)
        #expect(DecisionSet.empty.count == 0)
        let onlyDenials = try parse(#"{"denials":[{"rule_id":"X","reason":"r"}]}"#)
        #expect(onlyDenials.denials.count == 1 && onlyDenials.count == 1)
    }

    @Test("missing decision fields get documented defaults")
    func decisionDefaults() throws {
        let set = try parse(#"{"denials":[{}], "modifications":[{"rule_id":"M","reason":"m","priority":7.0,"updated_input":null}]}"#)
        #expect(set.denials == [Decision(ruleID: "UNKNOWN", reason: "no reason given", severity: .medium)])
        #expect(set.modifications[0].priority == 7)
        #expect(set.modifications[0].updatedInput == nil)
    }

    @Test("unknown severities default to medium, case and spaces ignored")
    func severityParsing() {
        #expect(Severity(parsing: "critical") == .critical)
        #expect(Severity(parsing: " High ") == .high)
        #expect(Severity(parsing: "moderate") == .medium)
        #expect(Severity(parsing: "info") == .info)
        #expect(Severity(parsing: "catastrophic") == .medium)
        #expect(Severity(parsing: "") == .medium)
        #expect(Severity.info < .low && Severity.low < .medium && Severity.medium < .high && Severity.high < .critical)
        #expect([Severity.low, .critical, .medium].max() == .critical)
    }

    @Test("wrong types are errors naming the key", arguments: [
        ("[]", "policy decision set: expected a JSON object with halts, denials, blocks, asks, modifications and add_context, found array"),
        (#"{"denials":{}}"#, #"policy decision set: "denials" must be an array, found object"#),
        (#"{"halts":"stop"}"#, #"policy decision set: "halts" must be an array, found string"#),
        (#"{"asks":[42]}"#, #"policy decision set: "asks[0]" must be an object, found number"#),
        (#"{"denials":[{"rule_id":"A","reason":"r"},{"rule_id":1}]}"#, #"policy decision set: "denials[1].rule_id" must be a string, found number"#),
        (#"{"blocks":[{"reason":["x"]}]}"#, #"policy decision set: "blocks[0].reason" must be a string, found array"#),
        (#"{"denials":[{"severity":true}]}"#, #"policy decision set: "denials[0].severity" must be a string, found boolean"#),
        (#"{"modifications":[{"priority":"high"}]}"#, #"policy decision set: "modifications[0].priority" must be a number, found string"#),
        (#"{"modifications":[{"priority":1.5}]}"#, #"policy decision set: "modifications[0].priority" must be an integer"#),
        (#"{"asks":[{"question":false}]}"#, #"policy decision set: "asks[0].question" must be a string, found boolean"#),
        (#"{"add_context":["ok",{"text":"no"}]}"#, #"policy decision set: "add_context[1]" must be a string, found object"#),
        (#"{"allow_overrides":7}"#, #"policy decision set: "allow_overrides" must be an array, found number"#),
    ])
    func wrongTypes(input: String, message: String) throws {
        let error = try #require(try failure(input))
        #expect(error.description == message)
    }
}
