import Testing
@testable import CupcakeEngine

@Suite("ShellAnalysis: affected paths")
struct ShellAnalysisTests {
    static let cwd = "/nonexistent-cupcake/proj"
    static let home = "/nonexistent-cupcake/home"

    static func affected(_ command: String) -> [String] {
        ShellAnalysis.of(command, directory: cwd, home: home).affectedPaths
    }

    @Test("commands that create, change or remove paths name them, resolved", arguments: [
        ("rm -rf /home/user/projects", ["/home/user/projects"]),
        ("rm -rf /tmp/foo /tmp/bar", ["/tmp/foo", "/tmp/bar"]),
        ("rm -rf .cupcake", ["\(cwd)/.cupcake"]),
        ("rm -rf ./.cupcake", ["\(cwd)/.cupcake"]),
        ("rm -rf //etc/../etc/x", ["/etc/x"]),
        ("rm  --recursive --force .cupcake", ["\(cwd)/.cupcake"]),
        ("rmdir a b", ["\(cwd)/a", "\(cwd)/b"]),
        ("mv .cupcake /tmp/backup", ["\(cwd)/.cupcake", "/tmp/backup"]),
        ("cp evil.rego .cupcake/policies/", ["\(cwd)/.cupcake/policies"]),
        ("cp -t /etc a b", ["/etc"]),
        ("ln -s .cupcake /tmp/link", ["\(cwd)/.cupcake", "/tmp/link"]),
        ("chmod 777 .cupcake", ["\(cwd)/.cupcake"]),
        ("chmod -R 755 /var/www/", ["/var/www"]),
        ("chmod -x script.sh", ["\(cwd)/script.sh"]),
        ("chown nobody:nobody .cupcake", ["\(cwd)/.cupcake"]),
        ("touch new.txt", ["\(cwd)/new.txt"]),
        ("mkdir -p a/b", ["\(cwd)/a/b"]),
        ("truncate -s 0 log.txt", ["\(cwd)/log.txt"]),
        ("tee -a out.log", ["\(cwd)/out.log"]),
        ("dd if=/dev/zero of=/dev/sda bs=1M", ["/dev/sda"]),
        ("sed -i 's/a/b/' config.yml", ["\(cwd)/config.yml"]),
        ("sed -i.bak -e 's/a/b/' x.conf", ["\(cwd)/x.conf"]),
        ("find .cupcake -delete", ["\(cwd)/.cupcake"]),
        ("find . -name '*.rego' -exec rm {} \\;", [cwd]),
        ("git rm -r old", ["\(cwd)/old"]),
        ("git clean -fdx", [cwd]),
        ("rsync -a --delete empty/ .cupcake/", ["\(cwd)/.cupcake"]),
        ("vim .env.prod", ["\(cwd)/.env.prod"]),
        ("gzip .cupcake/rulebook.yml", ["\(cwd)/.cupcake/rulebook.yml"]),
        ("patch -p1 < fix.diff", [cwd]),
        ("git apply fix.diff", [cwd]),
        ("scp host:x /etc/y", ["/etc/y"]),
    ] as [(String, [String])])
    func modifyingCommands(command: String, expected: [String]) {
        #expect(Self.affected(command) == expected)
    }

    @Test("commands that only read add nothing", arguments: [
        "ls -la /home/user", "cat /etc/passwd", "echo \"rm -rf /\"", "grep -r x src", "git status",
        "echo 'a; rm -rf /'", "ls 2>&1 | grep x",
    ])
    func readOnly(command: String) {
        #expect(Self.affected(command).isEmpty)
    }

    @Test("redirections write their targets, with or without spaces", arguments: [
        ("echo 'malicious' > config.production.json", ["\(cwd)/config.production.json"]),
        ("echo x >production.env", ["\(cwd)/production.env"]),
        ("cat >> ~/.bashrc", ["\(home)/.bashrc"]),
        ("printf data 2>err.txt", ["\(cwd)/err.txt"]),
        ("cat > production.env << EOF\nsecret\nEOF", ["\(cwd)/production.env"]),
        ("ls 2>&1 | tee /tmp/log", ["/tmp/log"]),
    ] as [(String, [String])])
    func redirections(command: String, expected: [String]) {
        #expect(Self.affected(command) == expected)
    }

    @Test("chains, subshells, wrappers and nested code are all read", arguments: [
        ("echo 'test' && rm -rf .cupcake", ["\(cwd)/.cupcake"]),
        ("ls || rm -rf x; touch y | cat", ["\(cwd)/x", "\(cwd)/y"]),
        ("sudo rm -rf /etc/x", ["/etc/x"]),
        ("sudo -u root env FOO=1 nice -n 5 rm -rf /etc/y", ["/etc/y"]),
        ("FOO=bar rm z", ["\(cwd)/z"]),
        ("timeout 5 rm q", ["\(cwd)/q"]),
        ("bash -c 'rm -rf /etc/z'", ["/etc/z"]),
        ("sh -xc \"rm -rf /opt/a\"", ["/opt/a"]),
        ("eval rm -rf /opt/b", ["/opt/b"]),
        ("echo $(rm -rf /opt/c)", ["/opt/c"]),
        ("echo `rm -rf /opt/d`", ["/opt/d"]),
        ("bash <<EOF\nrm -rf /opt/e\nEOF", ["/opt/e"]),
        ("cat <<EOF\n$(rm -rf /opt/f)\nEOF", ["/opt/f"]),
        ("if true; then rm -rf /opt/g; fi", ["/opt/g"]),
        ("\\rm -rf /opt/h", ["/opt/h"]),
        ("/bin/rm -rf /opt/i", ["/opt/i"]),
        ("$'\\x72\\x6d' -rf /opt/j", ["/opt/j"]),
        ("find /srv -exec sh -c 'rm -rf /opt/k' \\;", ["/srv", "/opt/k"]),
    ] as [(String, [String])])
    func composition(command: String, expected: [String]) {
        #expect(Self.affected(command) == expected)
    }

    @Test("after cd, relative paths are resolved against both directories")
    func changeDirectory() {
        #expect(Self.affected("cd /tmp && rm -rf .cupcake") == ["\(Self.cwd)/.cupcake", "/tmp/.cupcake"])
        #expect(Self.affected("cd / && rm -rf .cupcake") == ["\(Self.cwd)/.cupcake", "/.cupcake"])
        #expect(Self.affected("(cd sub) && rm x") == ["\(Self.cwd)/x", "\(Self.cwd)/sub/x"])
        #expect(Self.affected("cd && rm .bashrc") == ["\(Self.cwd)/.bashrc", "\(Self.home)/.bashrc"])
    }

    @Test("globs and unknown expansions widen to the directory before them", arguments: [
        ("rm -rf /home/user/*", ["/home/user"]),
        ("rm -rf /project/**/*.log", ["/project"]),
        ("rm -rf /tmp/file?.txt", ["/tmp"]),
        ("rm -rf *.bak", [cwd]),
        ("rm -rf {.cupcake,x}", [cwd]),
        ("rm -rf $TARGET", ["/"]),
        ("rm -rf $(echo /etc)", ["/"]),
        ("rm -rf \"$TMPDIR\"/x", ["/"]),
        ("rm -rf ~other/x", ["/"]),
        ("rm -rf /srv/$NAME/data", ["/srv"]),
        ("rm -rf ~/x $HOME/y ${HOME}/z", ["\(home)/x", "\(home)/y", "\(home)/z"]),
        ("$CMD -rf /opt/m", ["/opt/m"]),
    ] as [(String, [String])])
    func widening(command: String, expected: [String]) {
        #expect(Self.affected(command) == expected)
    }

    @Test("variables the command assigns, $PWD and $(pwd) are expanded", arguments: [
        ("D=/etc; rm -rf $D", ["/etc"]),
        ("export D=/opt/x && rm -rf ${D}/y", ["/opt/x/y"]),
        ("D=/etc; D=$(mktemp); rm -rf $D", ["/"]),
        ("rm -rf $PWD/build", ["\(cwd)/build"]),
        ("rm -rf $(pwd)/build", ["\(cwd)/build"]),
        ("D=/etc rm -rf $D", ["/"]),
    ] as [(String, [String])])
    func variables(command: String, expected: [String]) {
        #expect(Self.affected(command) == expected)
    }

    @Test("paths are listed once; past the limit / stands for everything")
    func limits() {
        #expect(Self.affected("rm a a a ./a") == ["\(Self.cwd)/a"])
        let many = "rm " + (0..<(ShellAnalysis.maxAffectedPaths + 10)).map { "f\($0)" }.joined(separator: " ")
        let analysis = ShellAnalysis.of(many, directory: Self.cwd, home: nil)
        #expect(analysis.affectedLimitReached)
        #expect(analysis.affectedPaths.last == "/")
        #expect(analysis.affectedPaths.count == ShellAnalysis.maxAffectedPaths + 1)
        var nested = "rm -rf /opt/deep"
        for _ in 0...ShellAnalysis.maxDepth { nested = "bash -c \(ShellAnalysisTests.quote(nested))" }
        #expect(ShellAnalysis.of(nested, directory: Self.cwd, home: nil).affectedPaths.contains("/"))
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @Test("symbolic links in targets are resolved")
    func links() throws {
        let tree = try FileTree()
        try tree.directory(".cupcake")
        try tree.link("innocent", to: ".cupcake")
        let analysis = ShellAnalysis.of("rm -rf innocent/policies", directory: tree.root, home: nil)
        #expect(analysis.affectedPaths == [tree.path(".cupcake/policies")])
    }
}

@Suite("ShellAnalysis: scripts")
struct ShellScriptDetectionTests {
    static func scripts(_ command: String) -> [String] {
        ShellAnalysis.of(command, directory: "/w", home: "/h").scripts.map(\.written)
    }

    @Test("scripts run by path, by a shell or by an interpreter are found", arguments: [
        ("./deploy.sh --production", ["./deploy.sh"]),
        ("/usr/local/bin/script.sh", ["/usr/local/bin/script.sh"]),
        ("bash deploy.sh", ["deploy.sh"]),
        ("sh -x deploy.sh", ["deploy.sh"]),
        ("bash -e -o pipefail deploy.sh arg", ["deploy.sh"]),
        ("zsh build", ["build"]),
        ("source env.sh", ["env.sh"]),
        (". ./env.sh", ["./env.sh"]),
        ("python3 script.py --verbose", ["script.py"]),
        ("python3.12 -u tool.py", ["tool.py"]),
        ("node server.js", ["server.js"]),
        ("ruby script.rb", ["script.rb"]),
        ("perl -w x.pl", ["x.pl"]),
        ("php -f run.php", ["run.php"]),
        ("deno run main.ts", ["main.ts"]),
        ("bash < script.sh", ["script.sh"]),
        ("sudo ./x.sh", ["./x.sh"]),
        ("chmod +x a.sh && ./a.sh && bash b.sh", ["./a.sh", "b.sh"]),
        ("cd scripts; ./run", ["./run"]),
        ("bash -c './inner.sh'", ["./inner.sh"]),
    ] as [(String, [String])])
    func found(command: String, expected: [String]) {
        #expect(Self.scripts(command) == expected)
    }

    @Test("code given inline, modules and plain commands are not scripts", arguments: [
        "bash -c 'echo hello'", "python3 -c 'print(1)'", "python -m http.server", "node -e 'x()'",
        "ls -la", "git status", "echo ./x.sh", "bash", "python", "bash -s arg",
    ])
    func notFound(command: String) {
        #expect(Self.scripts(command).isEmpty)
    }

    @Test("a relative script after cd is looked for in both directories")
    func candidates() {
        let analysis = ShellAnalysis.of("cd scripts && ./deploy.sh", directory: "/w", home: nil)
        #expect(analysis.scripts.first?.candidates == ["/w/deploy.sh", "/w/scripts/deploy.sh"])
        #expect(analysis.scripts.first?.onlyIfText == true)
    }
}
