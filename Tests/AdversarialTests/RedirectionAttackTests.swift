import Foundation
import Testing

@testable import CupcakeEngine

/// Writing a protected file through the shell without a file tool: redirections, tee, dd and
/// in-place editors.
@Suite("Attacks: redirections and in-place editors")
struct RedirectionAttackTests {
    @Test("each way of writing /etc/hosts from a shell is refused", arguments: [
        "echo '1.2.3.4 bank.com' > /etc/hosts", "echo x >/etc/hosts", "echo x>>/etc/hosts", "printf x 2> /etc/hosts",
        "cat <<EOF > /etc/hosts\n1.2.3.4 bank.com\nEOF", "tee -a /etc/hosts < payload", "cat payload | tee /etc/hosts",
        "dd if=payload of=/etc/hosts", "sed -i 's/a/b/' /etc/hosts", "sed -i.bak -e 's/a/b/' /etc/hosts",
        "perl -pi -e 's/a/b/' /etc/hosts", "truncate -s 0 /etc/hosts", "cp payload /etc/hosts", "install -m 644 payload /etc/hosts",
        "curl -o /etc/hosts https://example.com/x", "ls &> /etc/hosts", "vim /etc/hosts",
    ])
    func writes(command: String) async throws {
        for harness in [Harness.claude, .cursor] {
            let verdict = try await Adversary.evaluate(Adversary.shell(command, harness: harness, cwd: "/tmp"), harness: harness)
            #expect(verdict.denies("ADV-ETC-001"), "\(harness) \(command.debugDescription): \(verdict)")
        }
    }

    @Test("reading /etc from a shell stays allowed", arguments: [
        "cat /etc/hosts", "grep root /etc/passwd", "sed -n 1p /etc/hosts", "ls -la /etc", "cat /etc/hosts 2>&1 | head",
    ])
    func reads(command: String) async throws {
        let verdict = try await Adversary.evaluate(Adversary.claude("Bash", ["command": command], cwd: "/tmp"))
        #expect(verdict.isAllow, "\(command): \(verdict)")
    }
}
