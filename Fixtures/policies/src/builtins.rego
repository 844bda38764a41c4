# Twin of builtins.c: `opa build -t wasm -e builtins/main builtins.rego`.
# sprintf, time.now_ns and crypto.sha256 are not built into OPA's wasm runtime, so the
# compiled module lists them in builtins() and calls the host through opa_builtinN.
package builtins

import rego.v1

main := {
	"message": sprintf("%s ran %d commands", [input.user, input.count]),
	"hash": crypto.sha256(input.user),
	"now": time.now_ns(),
}
