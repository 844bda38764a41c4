import Foundation
import Testing

@testable import CupcakeEngine

/// TOB-EQTY-LAB-CUPCAKE-3: the same command written another way, against a naive policy that
/// matches `rm -rf /important` as text (ADV-NAIVE-001), and the path policies.
@Suite("Attacks: string variants")
struct StringVariantAttackTests {
    @Test("spacing, tabs, continuations and line breaks reach policies as one form", arguments: [
        "rm  -rf /important", "rm -rf  /important", "rm   -rf   /important", "rm\t-rf /important", "  rm -rf /important",
        "rm -rf /important  ", "rm \\\n-rf /important", "rm \\\n  -rf \\\n  /important", "rm\t\\\r\n-rf\t/important",
        "RM -RF /IMPORTANT",
    ])
    func spacing(command: String) async throws {
        for harness in Harness.allCases {
            let verdict = try await Adversary.evaluate(Adversary.shell(command, harness: harness, cwd: "/tmp"), harness: harness)
            #expect(verdict.denies("ADV-NAIVE-001"), "\(harness) \(command.debugDescription): \(verdict)")
        }
    }

    @Test("chains and cd do not hide a write to /etc", arguments: [
        "echo ok && rm -rf /etc/cron.d", "true || touch /etc/x", "ls; chmod 777 /etc/sudoers", "cat /dev/null | tee /etc/motd",
        "cd /etc && rm -rf cron.d", "cd / && cd etc && touch x", "(cd /etc; rm -f passwd)", "pushd /etc && rm hosts",
        "sudo rm -rf /etc/ssh", "env X=1 bash -c 'rm -rf /etc/ssh'", "eval 'touch /etc/evil'", "echo $(rm -rf /etc/ssh)",
        "bash <<EOF\nrm -rf /etc/ssh\nEOF", "\\rm -rf /etc/ssh", "/bin/rm -rf /etc/ssh", "$'\\x72\\x6d' -rf /etc/ssh",
        "xargs rm -rf /etc/ssh", "timeout 5 rm -rf /etc/ssh", "nohup rm -rf /etc/ssh &",
        "D=/etc; rm -rf $D/ssh", "rm -rf $(echo /etc)/ssh", "rm -rf \"$TARGET\"", "cd $SOMEWHERE && rm -rf etc",
    ])
    func chains(command: String) async throws {
        for harness in Harness.allCases {
            let verdict = try await Adversary.evaluate(Adversary.shell(command, harness: harness, cwd: "/tmp"), harness: harness)
            #expect(verdict.denies("ADV-ETC-001"), "\(harness) \(command.debugDescription): \(verdict)")
        }
    }

    @Test("quoted text is not a command: a denial needs a real write", arguments: [
        "echo \"rm -rf /etc/ssh\"", "echo 'touch /etc/x; rm -rf /etc'", "git commit -m 'rm -rf /etc/ssh'", "grep -r '/etc/hosts' src",
    ])
    func quoting(command: String) async throws {
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": command], cwd: "/tmp"))
        #expect(!verdict.ruleIDs.contains("ADV-ETC-001"), "\(command): \(verdict)")
    }
}
