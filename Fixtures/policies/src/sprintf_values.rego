# Twin of sprintf_values.c: `opa build -t wasm -e sprintf_values/main sprintf_values.rego`
# (without -O, which could fold the constant calls at compile time). sprintf is not built
# into OPA's wasm runtime: the module hands the host each argument's opa_value_dump text,
# in which the set stays a set and the numbers stay as written.
package sprintf_values

import rego.v1

# "{\"a\", \"b\"} 12345678901234567890 1e400"
main.mixed := sprintf("%v %d %v", [{"b", "a"}, 12345678901234567890, 1e400])

# "set()"
main.empty := sprintf("%v", [set()])

# "{9, 10, \"x\"}": OPA's order, numbers before strings
main.ordered := sprintf("%v", [{10, 9, "x"}])

# Undefined without input.values; opa_eval reads the input as Rego text, so it may hold sets.
main.input := sprintf("%v", [input.values])
