#!/usr/bin/env python3
"""Package a policy module and its Rego sources as an OPA bundle, byte-for-byte reproducibly.

usage: make_bundle.py OUT.tar.gz POLICY.wasm CUPCAKE_DIR HARNESS ENTRYPOINT

Writes the members `opa build -t wasm` writes, with OPA's absolute member names:
  /.manifest                       {"revision":"","roots":[""],"wasm":[{"entrypoint":E,"module":"/policy.wasm"}]}
  /data.json                       {}
  /policies/HARNESS/<name>.rego    CUPCAKE_DIR/policies/HARNESS/*.rego
  /policy.wasm                     POLICY.wasm
  /system/evaluate.rego            CUPCAKE_DIR/system/evaluate.rego
Members are sorted by name, with mtime 0, uid/gid 0, no owner names, mode 0644, and
the gzip header carries no file name and mtime 0, so equal inputs give equal bytes.
"""
import glob
import gzip
import io
import json
import os
import sys
import tarfile


def member(name, payload):
    info = tarfile.TarInfo(name)  # addfile() keeps the leading "/" OPA uses
    info.size = len(payload)
    info.mtime = 0
    info.mode = 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.type = tarfile.REGTYPE
    return info, payload


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    if len(sys.argv) != 6:
        raise SystemExit("usage: make_bundle.py OUT.tar.gz POLICY.wasm CUPCAKE_DIR HARNESS ENTRYPOINT")
    out, wasm, cupcake_dir, harness, entrypoint = sys.argv[1:]
    manifest = {"revision": "", "roots": [""], "wasm": [{"entrypoint": entrypoint, "module": "/policy.wasm"}]}
    files = {
        "/.manifest": json.dumps(manifest, separators=(",", ":")).encode(),
        "/data.json": b"{}",
        "/policy.wasm": read(wasm),
        "/system/evaluate.rego": read(os.path.join(cupcake_dir, "system", "evaluate.rego")),
    }
    policies = sorted(glob.glob(os.path.join(cupcake_dir, "policies", harness, "*.rego")))
    if not policies:
        raise SystemExit("make_bundle.py: no policies in %s" % os.path.join(cupcake_dir, "policies", harness))
    for path in policies:
        files["/policies/%s/%s" % (harness, os.path.basename(path))] = read(path)

    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(files):
            info, payload = member(name, files[name])
            tar.addfile(info, io.BytesIO(payload))
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(tar_bytes.getvalue())


if __name__ == "__main__":
    main()
