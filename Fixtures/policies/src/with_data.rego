# Twin of with_data.c: `opa build -t wasm -e data/check with_data.rego with_data.json`
# (the entrypoint data/check is rule `check` of package `data`, i.e. data.data.check;
# base data comes from Fixtures/policies/with_data.json).
package data

import rego.v1

default check := {"denied": false, "matched": null}

check := {"denied": true, "matched": matches[0]} if {
	count(matches) > 0
}

# Prefixes in data order, so the first match is well defined.
matches := [prefix |
	some prefix in data.blocked_prefixes
	startswith(input.path, prefix)
]
