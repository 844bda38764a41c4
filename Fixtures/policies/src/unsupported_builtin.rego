# Twin of unsupported_builtin.c: `opa build -t wasm -e unsupported/main`.
# http.send is never provided by a Cupcake host: loading the module must fail.
package unsupported

import rego.v1

main := http.send({"method": "GET", "url": "https://example.com/"})
