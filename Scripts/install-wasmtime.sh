#!/usr/bin/env bash
# Installs libwasmtime (C API) from the pinned PyPI wheel wasmtime==50.0.1:
#   /usr/local/lib/libwasmtime.so, /usr/local/lib/pkgconfig/wasmtime.pc, then ldconfig.
# Idempotent: if pkg-config already finds wasmtime at the pinned version, it does nothing.
# Exit codes: 0 installed or already present; 1 a required tool is missing; 2 download failed;
# 3 checksum mismatch; 4 the wheel does not hold the library; 5 cannot write the install prefix.
set -euo pipefail

VERSION="50.0.1"
WHEEL="wasmtime-${VERSION}-py3-none-manylinux1_x86_64.whl"
SHA256="cc14c3a17654e0394e0225b11813532ef0cd7bd1e222a0c5494cdedaabeddac4"
MEMBER="wasmtime/linux-x86_64/_libwasmtime.so"
PREFIX="${WASMTIME_PREFIX:-/usr/local}"
LIBDIR="$PREFIX/lib"
PCDIR="$LIBDIR/pkgconfig"

say() { printf 'install-wasmtime: %s\n' "$*" >&2; }

if [ "$(uname -m)" != "x86_64" ] || [ "$(uname -s)" != "Linux" ]; then
    say "only Linux x86_64 is supported by the pinned wheel (this is $(uname -s) $(uname -m))"
    exit 1
fi

# The .pc file SwiftPM reads. No rpath: SwiftPM refuses -Wl flags from pkg-config, and
# ldconfig makes /usr/local/lib visible at run time anyway.
write_pc() {
    cat >"$PCDIR/wasmtime.pc.tmp" <<PCEOF
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: wasmtime
Description: Wasmtime C API (from the PyPI wheel wasmtime==$VERSION)
Version: $VERSION
Libs: -L\${libdir} -lwasmtime
Cflags:
PCEOF
    mv "$PCDIR/wasmtime.pc.tmp" "$PCDIR/wasmtime.pc"
}

if PKG_CONFIG_PATH="$PCDIR${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" pkg-config --exact-version="$VERSION" wasmtime 2>/dev/null \
    && [ -f "$LIBDIR/libwasmtime.so" ]; then
    # Already installed; refresh a .pc written by an older version of this script.
    if grep -q -- '-Wl,' "$PCDIR/wasmtime.pc" 2>/dev/null; then write_pc; fi
    exit 0
fi

PY=""
for candidate in python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -m pip --version >/dev/null 2>&1; then
        PY="$candidate"; break
    fi
done
if [ -z "$PY" ]; then
    say "needs Python 3 with pip to download the wheel wasmtime==$VERSION from PyPI"
    say "install it with: apt-get update && apt-get install -y python3-pip"
    exit 1
fi
if ! command -v pkg-config >/dev/null 2>&1; then
    say "needs pkg-config (SwiftPM finds libwasmtime through it); installing it with apt-get"
    if command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq && apt-get install -y -qq pkg-config) >/dev/null 2>&1 || { say "apt-get install pkg-config failed"; exit 1; }
    else
        say "install pkg-config and run again"; exit 1
    fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say "downloading $WHEEL from PyPI"
if ! "$PY" -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux1_x86_64 \
        "wasmtime==$VERSION" -d "$work" >"$work/pip.log" 2>&1; then
    cat "$work/pip.log" >&2
    say "download failed: is PyPI reachable from this machine?"
    exit 2
fi
if [ ! -f "$work/$WHEEL" ]; then
    say "pip did not produce $WHEEL (got: $(ls "$work"))"
    exit 2
fi
actual="$(sha256sum "$work/$WHEEL" | cut -d' ' -f1)"
if [ "$actual" != "$SHA256" ]; then
    say "checksum mismatch for $WHEEL: expected $SHA256, got $actual"
    exit 3
fi

if ! "$PY" - "$work/$WHEEL" "$MEMBER" "$work/libwasmtime.so" <<'PYEOF'
import sys, zipfile, shutil
wheel, member, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst)
PYEOF
then
    say "$WHEEL does not contain $MEMBER"
    exit 4
fi

if ! mkdir -p "$LIBDIR" "$PCDIR" 2>/dev/null || [ ! -w "$LIBDIR" ] || [ ! -w "$PCDIR" ]; then
    say "cannot write to $LIBDIR (run as root, or set WASMTIME_PREFIX)"
    exit 5
fi
install -m 0755 "$work/libwasmtime.so" "$LIBDIR/libwasmtime.so"
write_pc
if command -v ldconfig >/dev/null 2>&1; then ldconfig 2>/dev/null || true; fi
say "installed $LIBDIR/libwasmtime.so ($VERSION) and $PCDIR/wasmtime.pc"
