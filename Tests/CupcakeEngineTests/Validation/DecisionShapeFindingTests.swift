import Foundation
import Testing
@testable import CupcakeEngine

/// decision-shape: verb rules the aggregator would not collect and decisions of the wrong shape.
@Suite("validate: decision rules")
struct DecisionShapeFindingTests {
    /// The decision-shape findings of a policy with these rules (they start at line 10).
    private func shapes(_ rules: String) throws -> (places: [String], messages: [String], file: String) {
        let project = ValidationProject()
        try project.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]"], rules: rules))
        let report = try project.validate()
        let file = project.path("policies/claude/t.rego")
        return (report.places(.decisionShape), report.messages(.decisionShape), file)
    }

    @Test("partial set rules in Rego v1 and v0, and decisions built by functions, pass")
    func wellFormed() throws {
        let result = try shapes("""
            deny contains decision if {
            	decision := {"rule_id": "A", "reason": "a", "severity": "HIGH"}
            }
            halt contains {"rule_id": "B", "reason": "b"} if input.x
            ask[decision] {
            	decision = {"rule_id": "C", "reason": concat("", ["c", input.y])}
            }
            modify contains decision if {
            	decision := object.union(base, {"updated_input": {}})
            }
            add_context contains "remember the tests" if true
            add_context contains message if {
            	message := sprintf("%v", [input.z])
            }
            violations contains decision if {
            	decision := {"rule_id": "D", "reason": "d"}
            }
            block contains decision if {
            	some decision in violations
            }

            """)
        #expect(result.places.isEmpty, "\(result.messages)")
    }

    @Test("a verb rule that is not a partial set rule: at the rule's line")
    func wrongForm() throws {
        let result = try shapes("""
            deny := {"rule_id": "A", "reason": "a"}

            default block := false

            ask if {
            	input.x
            }
            halt[key] := value if {
            	key := "k"
            	value := 1
            }

            """)
        #expect(result.places == ["error \(result.file):10", "error \(result.file):12", "error \(result.file):14", "error \(result.file):17"])
        #expect(result.messages[0].contains("a complete rule (deny := ...)"))
        #expect(result.messages[0].contains("write `deny contains decision if { ... }`"))
    }

    @Test("a decision object without rule_id or reason: at the object's line")
    func missingKeys() throws {
        let result = try shapes("""
            deny contains decision if {
            	input.x
            	decision := {
            		"reason": "a",
            	}
            }
            block contains {"severity": "LOW"} if input.y

            """)
        #expect(result.places == ["error \(result.file):12", "error \(result.file):16"])
        #expect(result.messages[0].contains("the deny decision has no \"rule_id\";"))
        #expect(result.messages[1].contains("has no \"rule_id\" and no \"reason\""))
    }

    @Test("a misspelt verb collecting decisions: at the rule's line, with the verb meant; helpers used elsewhere pass")
    func misspeltVerb() throws {
        let result = try shapes("""
            denies contains decision if {
            	decision := {"rule_id": "A", "reason": "a"}
            }
            blocks contains {"rule_id": "B", "reason": "b"} if input.x
            denials contains decision if {
            	decision := {"rule_id": "C", "reason": "c"}
            }
            deny contains decision if {
            	some decision in denials
            }

            """)
        #expect(result.places == ["error \(result.file):10", "error \(result.file):13"])
        #expect(result.messages[0].contains("denies is not a decision verb") && result.messages[0].contains("(did you mean deny?)"))
        #expect(result.messages[1].contains("(did you mean block?)"))
    }

    @Test("strings where objects belong and objects where strings belong")
    func elementTypes() throws {
        let result = try shapes("""
            deny contains msg if {
            	msg := "no"
            }
            add_context contains {"reason": "x"} if true

            """)
        #expect(result.places == ["error \(result.file):11", "error \(result.file):13"])
        #expect(result.messages[0].contains("not a string"))
        #expect(result.messages[1].contains("add_context collects strings"))
    }

    @Test("rego-unreadable: a file the token scan cannot read is named, its rules unchecked")
    func unreadableRego() throws {
        let project = ValidationProject()
        try project.policy("t", ValidationProject.rego(routing: ["required_events: [PreToolUse]"], rules: "deny contains \"unterminated if {\n}\n"))
        let report = try project.validate()
        #expect(report.places(.regoUnreadable) == ["warning \(project.path("policies/claude/t.rego")):-"])
        #expect(report.errorCount == 0)
    }
}
