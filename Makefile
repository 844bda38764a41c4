# Quick start: `make demo` and `make test`. Each does the set-up it needs first.
SWIFT ?= swift

.PHONY: all demo test bench fixtures wasmtime build

all: build

# libwasmtime from the pinned PyPI wheel (idempotent; does nothing when pkg-config finds it).
wasmtime:
	@bash Scripts/install-wasmtime.sh

build: wasmtime
	$(SWIFT) build

test: wasmtime
	$(SWIFT) test

bench: wasmtime
	$(SWIFT) run -c release cupcake-bench all --json

# Rebuilds the WebAssembly test policies and the demo bundle from Fixtures/policies/src.
fixtures: wasmtime
	@bash Scripts/build-fixtures.sh

demo: wasmtime
	$(SWIFT) build --product cupcake
	@bash Scripts/demo.sh
