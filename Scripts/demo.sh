#!/usr/bin/env bash
# The main job, shown: evaluate a few Claude Code hook events against the demo project with
# CUPCAKE_TRACE=eval, printing each verdict (stdout) and its trace lines (stderr).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="$(swift build --show-bin-path)/cupcake"
if [ ! -x "$bin" ]; then
    echo "demo: $bin is missing; run 'swift build --product cupcake' first" >&2
    exit 1
fi
project="Fixtures/project/.cupcake"

for event in pretooluse-bash-rm-rf pretooluse-bash-git-push-force userpromptsubmit pretooluse-bash-ls; do
    file="Fixtures/events/claude/$event.json"
    printf '\n=== %s\n' "$file"
    printf -- '--- verdict (stdout)\n'
    status=0
    CUPCAKE_TRACE=eval "$bin" eval --harness claude --policy-dir "$project" <"$file" 2>"/tmp/cupcake-demo-trace.$$" || status=$?
    printf '\n--- exit code %s; trace lines (stderr)\n' "$status"
    cat "/tmp/cupcake-demo-trace.$$"
done
rm -f "/tmp/cupcake-demo-trace.$$"
