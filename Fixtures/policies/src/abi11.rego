# Twin of abi11.c, as an OPA release that emits ABI 1.1 (no opa_eval export) compiles
# `opa build -t wasm -e legacy/allow abi11.rego`.
package legacy

import rego.v1

default allow := {"allow": false}

allow := {"allow": true} if input.user == "alice"
