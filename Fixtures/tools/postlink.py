#!/usr/bin/env python3
"""Finish a wasm-ld output into an OPA-shaped policy module.

usage: postlink.py IN.wasm OUT.wasm ABI_MINOR

wasm-ld cannot emit an exported *immutable* i32 global with a chosen value (a C
variable exports its address), yet OPA modules carry `opa_wasm_abi_version` = 1 and
`opa_wasm_abi_minor_version` as exactly that. This appends the two globals and their
exports, and drops custom sections (producers, target_features) so the bytes do not
depend on toolchain metadata. Everything else is copied unchanged.
"""
import sys

ABI_VERSION = 1


def uleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        done = (n == 0 and not byte & 0x40) or (n == -1 and byte & 0x40)
        out.append(byte if done else byte | 0x80)
        if done:
            return bytes(out)


def read_uleb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def sections(b):
    if b[:8] != b"\0asm\x01\0\0\0":
        raise SystemExit("postlink: not a WebAssembly module")
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = read_uleb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def imported_globals(payload):
    count, i = read_uleb(payload, 0)
    n = 0
    for _ in range(count):
        for _ in range(2):  # module, field
            length, i = read_uleb(payload, i)
            i += length
        kind = payload[i]
        i += 1
        if kind == 0:  # func: type index
            _, i = read_uleb(payload, i)
        elif kind == 1:  # table: reftype + limits
            i += 1
            flags = payload[i]
            _, i = read_uleb(payload, i + 1)
            if flags & 1:
                _, i = read_uleb(payload, i)
        elif kind == 2:  # memory: limits
            flags = payload[i]
            _, i = read_uleb(payload, i + 1)
            if flags & 1:
                _, i = read_uleb(payload, i)
        elif kind == 3:  # global: valtype + mutability
            i += 2
            n += 1
        else:
            raise SystemExit("postlink: unknown import kind %d" % kind)
    return n


def name(s):
    raw = s.encode()
    return uleb(len(raw)) + raw


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.strip().splitlines()[2])
    src, dst, minor = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = open(src, "rb").read()
    parts = [(sid, p) for sid, p in sections(data) if sid != 0]
    ids = [sid for sid, _ in parts]
    if 6 not in ids or 7 not in ids:
        raise SystemExit("postlink: expected global and export sections (wasm-ld always writes them)")
    n_imported = sum(imported_globals(p) for sid, p in parts if sid == 2)
    out = bytearray(b"\0asm\x01\0\0\0")
    first_new = None
    for sid, payload in parts:
        if sid == 6:
            count, i = read_uleb(payload, 0)
            first_new = n_imported + count
            extra = b"".join(b"\x7f\x00\x41" + sleb(v) + b"\x0b" for v in (ABI_VERSION, minor))
            payload = uleb(count + 2) + payload[i:] + extra
        elif sid == 7:
            count, i = read_uleb(payload, 0)
            extra = (name("opa_wasm_abi_version") + b"\x03" + uleb(first_new) +
                     name("opa_wasm_abi_minor_version") + b"\x03" + uleb(first_new + 1))
            payload = uleb(count + 2) + payload[i:] + extra
        out += bytes([sid]) + uleb(len(payload)) + payload
    with open(dst, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
