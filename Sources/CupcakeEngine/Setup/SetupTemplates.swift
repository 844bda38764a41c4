/// The files `cupcake init` writes into a new policy directory.
enum SetupTemplates {
    /// rulebook.yml: every builtin with its options, each commented out (so disabled). Blocks are
    /// separated by a bare `  #` line; uncommenting one (dropping `# ` from its lines) turns it on.
    static func rulebook(global: Bool) -> String {
        let blocks = global ? globalBuiltins : projectBuiltins
        return """
            # Cupcake rulebook: signals (commands whose output policies see), actions (commands run
            # after a decision) and the builtins (ready-made policies that need no Rego and no opa).
            #
            # signals:
            #   git_branch:
            #     command: "git rev-parse --abbrev-ref HEAD"
            #     timeout_seconds: 2
            # actions:
            #   on_any_denial:
            #     - command: "echo denied >> /tmp/cupcake-actions.log"
            #   by_rule_id:
            #     EXAMPLE-001:
            #       - command: "echo example"
            signals: {}
            actions: {}

            # fail_mode: open      # an evaluation error allows (open, the default) or blocks (closed)

            builtins:
              # Every builtin, each disabled. To turn one on, uncomment its block (remove "# " from
              # its lines). A builtin with a section is on unless it says `enabled: false`.
            \(blocks.map { "  #\n" + $0.split(separator: "\n").map { "  # " + $0 }.joined(separator: "\n") }.joined(separator: "\n"))

            """
    }

    static let projectBuiltins = [
        """
        always_inject_on_prompt:      # context added to every prompt
          context:
            - "Run the test suite before you commit."
            - command: "git status --short"
            - file: "CONTRIBUTING.md"
        """,
        """
        git_pre_check:                # checks that must pass before git commit/push/merge
          checks:
            - command: "make test"
              message: "The tests must pass"
          operations: ["commit", "push", "merge"]
        """,
        """
        post_edit_check:              # a check after each edit, by file extension
          by_extension:
            py:
              command: "python3 -m py_compile"
              message: "Python syntax error"
            swift:
              command: "swift build"
              message: "The Swift build fails"
        """,
        """
        rulebook_security_guardrails: # the agent may not change Cupcake's own configuration
          message: "Cupcake configuration files are protected from modification"
          protected_paths: [".cupcake/"]
        """,
        """
        protected_paths:              # paths the agent may read but not change
          message: "This path is protected by policy"
          paths: ["/etc/", "~/.ssh/", "secrets/"]
        """,
        """
        git_block_no_verify:          # no git commit/push --no-verify
          message: "Git operations with --no-verify are not permitted"
          exceptions: []
        """,
        """
        enforce_full_file_read:       # files under max_lines must be read whole
          max_lines: 2000
          message: "Please read the entire file first"
        """,
        """
        global_file_lock:             # no file may be edited at all
          message: "File editing is disabled by policy"
        """,
    ]

    static let globalBuiltins = [
        """
        system_protection:            # the operating system's own directories
          message: "System directories are protected"
          additional_paths: []
        """,
        """
        sensitive_data_protection:    # credentials, keys and secrets may not be read
          message: "Sensitive files may not be read"
          additional_patterns: []
        """,
        """
        cupcake_exec_protection:      # the agent may not run cupcake itself
          message: "Running cupcake from the agent is not permitted"
          allowed_commands: []
        """,
    ] + projectBuiltins

    /// system/evaluate.rego: the standard aggregator (routed evaluation recognises it).
    static let aggregator = """
        package cupcake.system

        import rego.v1

        # METADATA
        # scope: document
        # title: System aggregation entrypoint
        # custom:
        #   entrypoint: true

        # Every decision of every policy under data.cupcake.policies, by verb. Policies need no
        # change here: walk() finds them. Compile with
        #   opa build -t wasm -O 2 -e cupcake/system/evaluate policies/<harness> system
        # or let `cupcake eval` compile it (opa on PATH).
        evaluate := {
        	"halts": collect_verbs("halt"),
        	"denials": collect_verbs("deny"),
        	"blocks": collect_verbs("block"),
        	"asks": collect_verbs("ask"),
        	"modifications": collect_verbs("modify"),
        	"add_context": collect_verbs("add_context"),
        }

        collect_verbs(verb_name) := [decision |
        	walk(data.cupcake.policies, [path, verb_set])
        	path[count(path) - 1] == verb_name
        	some decision in verb_set
        ]

        default collect_verbs(_) := []

        """

    /// policies/<harness>/example.rego: one small policy, routed to the harness's shell event.
    static func examplePolicy(_ harness: Harness) -> String {
        let (event, tools, command): (String, String, String) = switch harness {
        case .claude, .opencode: ("PreToolUse", "[\"Bash\"]", "input.tool_input.command")
        case .factory: ("PreToolUse", "[\"Execute\"]", "input.tool_input.command")
        case .cursor: ("beforeShellExecution", "[]", "input.command")
        }
        return """
            # METADATA
            # scope: package
            # title: Example policy
            # custom:
            #   id: EXAMPLE-001
            #   severity: HIGH
            #   routing:
            #     required_events: ["\(event)"]
            #     required_tools: \(tools)
            package cupcake.policies.example

            import rego.v1

            # Decisions are sets named by verb: halt, deny, block, ask, modify, add_context.
            deny contains decision if {
            	contains(\(command), "rm -rf /")
            	decision := {
            		"rule_id": "EXAMPLE-001",
            		"reason": "Deleting from the file system root is not allowed",
            		"severity": "HIGH",
            	}
            }

            """
    }

    static func readme(_ harness: Harness) -> String {
        """
        # Cupcake policies

        - `rulebook.yml`: signals, actions and the builtins (all listed there, disabled).
        - `policies/\(harness.rawValue)/`: your Rego policies, one package each, with a `# METADATA`
          block saying which events (and tools) the policy is for.
        - `system/evaluate.rego`: collects every policy's decisions; leave it as it is.

        A policy change takes effect at the next hook: `cupcake eval` compiles the policies with
        `opa` (on PATH) and caches the result, or builds `bundles/\(harness.rawValue).tar.gz` when
        you run `opa build -t wasm -O 2 -e cupcake/system/evaluate policies/\(harness.rawValue) system
        -o bundles/\(harness.rawValue).tar.gz`. `cupcake validate` checks the policies first.

        """
    }
}
