#!/usr/bin/env bash
# Builds every WebAssembly test fixture and the OPA bundles of the fixture projects.
#
#   bash Scripts/build-fixtures.sh [OUTDIR]   build into OUTDIR (default: Fixtures/, the committed files)
#   bash Scripts/build-fixtures.sh --check    print the toolchain (clang, zlib); exit 0 only if everything is usable
#
# Writes OUTDIR/policies/<name>.wasm for each Fixtures/policies/src/<name>.{c,wat},
# OUTDIR/policies/TOOLCHAIN (the clang and zlib that built them) and, for each project in
# $PROJECTS, OUTDIR/<project>/.cupcake/bundles/<harness>.tar.gz for each harness in $HARNESSES
# (all of a project's bundles carry its one module, which states every harness's rules:
# aggregate.wasm for the demo, adversarial.wasm for the adversarial project). The output is
# deterministic: the same sources and toolchain give the same bytes (Tests/CupcakeEngineTests/Fixtures
# checks it).
#
# Needs: a clang that targets wasm32 ($CLANG, /opt/swift/usr/bin/clang or clang on PATH),
# wasm-ld ($WASM_LD, next to clang, or on PATH), python3, and libwasmtime for the .wat
# files (Scripts/install-wasmtime.sh). Exit codes: 0 built; 1 a tool is missing; 2 a build step failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$ROOT/Fixtures"
SRC="$FIXTURES/policies/src"
TOOLS="$FIXTURES/tools"

say() { printf 'build-fixtures: %s\n' "$*" >&2; }

# name:abi-minor for every C fixture (opa_runtime.c is linked into each).
C_FIXTURES="aggregate:3 adversarial:3 builtins:3 builtin_error:3 sprintf_values:3 unsupported_builtin:3 with_data:3 abi11:1 faults:3"

# Harnesses with a bundle in every project (each has Fixtures/<project>/.cupcake/policies/<harness>/).
HARNESSES="claude cursor factory opencode"

# directory:module for every project with bundles: Fixtures/<directory>/.cupcake, whose
# policies policies/<module>.wasm states.
PROJECTS="project:aggregate adversarial:adversarial"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

targets_wasm32() {
    printf 'int probe(void) { return 1; }\n' >"$work/probe.c"
    "$1" --target=wasm32 -nostdlib -ffreestanding -O2 -c "$work/probe.c" -o "$work/probe.o" >/dev/null 2>&1
}

find_clang() {
    local c
    for c in "${CLANG:-}" /opt/swift/usr/bin/clang "$(command -v clang 2>/dev/null || true)"; do
        if [ -n "$c" ] && [ -x "$c" ] && targets_wasm32 "$c"; then
            printf '%s\n' "$c"
            return 0
        fi
    done
    return 1
}

find_wasm_ld() {
    local l
    for l in "${WASM_LD:-}" "$(dirname "$1")/wasm-ld" "$(command -v wasm-ld 2>/dev/null || true)"; do
        if [ -n "$l" ] && [ -x "$l" ]; then
            printf '%s\n' "$l"
            return 0
        fi
    done
    for l in $(compgen -c wasm-ld- 2>/dev/null | sort -rV); do
        command -v "$l"
        return 0
    done
    return 1
}

CLANG_BIN="$(find_clang)" || { say "no clang that can target wasm32 (set CLANG=/path/to/clang)"; exit 1; }
WASM_LD_BIN="$(find_wasm_ld "$CLANG_BIN")" || { say "no wasm-ld (set WASM_LD=/path/to/wasm-ld)"; exit 1; }
command -v python3 >/dev/null 2>&1 || { say "needs python3 (for .wat files and the bundle)"; exit 1; }
# What decides the output bytes: the compiler, and the zlib that gzips the bundle.
TOOLCHAIN="$("$CLANG_BIN" --version | head -n 1)
$(python3 -c 'import zlib; print("zlib", zlib.ZLIB_RUNTIME_VERSION)')"

if [ "${1:-}" = "--check" ]; then
    printf '(module)\n' >"$work/probe.wat"
    python3 "$ROOT/Scripts/wat2wasm.py" "$work/probe.wat" "$work/probe.wasm" \
        || { say "wat2wasm.py cannot run: install libwasmtime with Scripts/install-wasmtime.sh"; exit 1; }
    printf '%s\n' "$TOOLCHAIN"
    exit 0
fi

OUT="${1:-$FIXTURES}"
mkdir -p "$OUT/policies"
OUT="$(cd "$OUT" && pwd)"

CFLAGS=(--target=wasm32 -nostdlib -ffreestanding -fno-builtin -O2 -Wall -Wextra -Werror -I "$SRC")
# --no-gc-sections keeps every env import, as in OPA-built modules; --stack-first puts the
# shadow stack below the data, so an overflow traps instead of overwriting statics.
LDFLAGS=(--no-entry --import-memory --export-memory --no-gc-sections --stack-first -z stack-size=65536)

run() { "$@" || { say "failed: $*"; exit 2; }; }

for spec in $C_FIXTURES; do
    name="${spec%%:*}"
    minor="${spec##*:}"
    runtime="$work/opa_runtime-abi1.$minor.o"  # one runtime object per ABI minor version
    if [ ! -f "$runtime" ]; then
        run "$CLANG_BIN" "${CFLAGS[@]}" -DOPA_ABI_MINOR="$minor" -c "$SRC/opa_runtime.c" -o "$runtime"
    fi
    run "$CLANG_BIN" "${CFLAGS[@]}" -DOPA_ABI_MINOR="$minor" -c "$SRC/$name.c" -o "$work/$name.o"
    run "$WASM_LD_BIN" "${LDFLAGS[@]}" "$runtime" "$work/$name.o" -o "$work/$name.linked.wasm"
    run python3 "$TOOLS/postlink.py" "$work/$name.linked.wasm" "$OUT/policies/$name.wasm" "$minor"
done

for wat in "$SRC"/*.wat; do
    name="$(basename "$wat" .wat)"
    run python3 "$ROOT/Scripts/wat2wasm.py" "$wat" "$OUT/policies/$name.wasm"
done

printf '%s\n' "$TOOLCHAIN" >"$OUT/policies/TOOLCHAIN"

for spec in $PROJECTS; do
    project="${spec%%:*}"
    module="${spec##*:}"
    mkdir -p "$OUT/$project/.cupcake/bundles"
    for harness in $HARNESSES; do
        run python3 "$TOOLS/make_bundle.py" "$OUT/$project/.cupcake/bundles/$harness.tar.gz" "$OUT/policies/$module.wasm" \
            "$FIXTURES/$project/.cupcake" "$harness" cupcake/system/evaluate
    done
done

say "built $(ls "$OUT/policies"/*.wasm | wc -l) modules and the bundles ($HARNESSES) of $PROJECTS into $OUT"
