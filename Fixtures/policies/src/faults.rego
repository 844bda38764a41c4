# Twin of faults.c, for the well-behaved part only: `opa build -t wasm -e faults/main`.
# Rego cannot loop forever, exhaust memory, read out of bounds or abort, so the modes
# "loop", "bomb", "oob" and "abort" exist only in faults.c; with any other mode the
# compiled module answers like this rule.
package faults

import rego.v1

main := {"ok": true} if not input.mode in {"loop", "bomb", "oob", "abort"}
