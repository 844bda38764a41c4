#!/usr/bin/env python3
"""Compile WebAssembly text to binary with libwasmtime's wasmtime_wat2wasm (no wabt needed).

usage: wat2wasm.py IN.wat OUT.wasm

Finds libwasmtime in $WASMTIME_LIB, /usr/local/lib/libwasmtime.so, or the loader path
(Scripts/install-wasmtime.sh installs it). Exit status: 0 written, 1 usage or I/O error,
2 libwasmtime not found, 3 the text does not compile (wasmtime's message on stderr).
"""
import ctypes
import ctypes.util
import os
import sys


class ByteVec(ctypes.Structure):
    # wasm_byte_vec_t (also wasm_name_t): { size_t size; uint8_t *data; }
    _fields_ = [("size", ctypes.c_size_t), ("data", ctypes.POINTER(ctypes.c_uint8))]


def load_wasmtime():
    candidates = [os.environ.get("WASMTIME_LIB"), "/usr/local/lib/libwasmtime.so", ctypes.util.find_library("wasmtime")]
    for path in candidates:
        if not path:
            continue
        try:
            return ctypes.CDLL(path)
        except OSError:
            continue
    return None


def main():
    if len(sys.argv) != 3:
        print("usage: wat2wasm.py IN.wat OUT.wasm", file=sys.stderr)
        return 1
    src, dst = sys.argv[1], sys.argv[2]
    lib = load_wasmtime()
    if lib is None:
        print("wat2wasm.py: libwasmtime not found; run `bash Scripts/install-wasmtime.sh` "
              "or set WASMTIME_LIB", file=sys.stderr)
        return 2
    lib.wasmtime_wat2wasm.restype = ctypes.c_void_p
    lib.wasmtime_wat2wasm.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ByteVec)]
    lib.wasmtime_error_message.restype = None
    lib.wasmtime_error_message.argtypes = [ctypes.c_void_p, ctypes.POINTER(ByteVec)]
    lib.wasmtime_error_delete.restype = None
    lib.wasmtime_error_delete.argtypes = [ctypes.c_void_p]
    lib.wasm_byte_vec_delete.restype = None
    lib.wasm_byte_vec_delete.argtypes = [ctypes.POINTER(ByteVec)]
    try:
        with open(src, "rb") as f:
            text = f.read()
    except OSError as e:
        print("wat2wasm.py: cannot read %s: %s" % (src, e.strerror), file=sys.stderr)
        return 1
    out = ByteVec()
    err = lib.wasmtime_wat2wasm(text, len(text), ctypes.byref(out))
    if err:
        msg = ByteVec()
        lib.wasmtime_error_message(err, ctypes.byref(msg))
        detail = ctypes.string_at(msg.data, msg.size).decode("utf-8", "replace")
        lib.wasm_byte_vec_delete(ctypes.byref(msg))
        lib.wasmtime_error_delete(err)
        print("wat2wasm.py: %s: %s" % (src, detail), file=sys.stderr)
        return 3
    binary = ctypes.string_at(out.data, out.size)
    lib.wasm_byte_vec_delete(ctypes.byref(out))
    try:
        with open(dst, "wb") as f:
            f.write(binary)
    except OSError as e:
        print("wat2wasm.py: cannot write %s: %s" % (dst, e.strerror), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
