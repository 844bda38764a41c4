# Twin of builtin_error.c: `opa build -t wasm -e builtin_error/main builtin_error.rego`.
# hex.decode is not built into OPA's wasm runtime, so the module calls the host through
# opa_builtin1. When it fails (input.value is not hex) the call is undefined, as in OPA's
# non-strict evaluation: main.encoded is undefined and main.deny still holds.
package builtin_error

import rego.v1

main.deny := {"rule_id": "HEX-001", "reason": "always denied", "severity": "HIGH"}

main.encoded := hex.decode(input.value)
