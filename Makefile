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

# The baseline with tracing compiled out lets `engine` measure what tracing-off span sites cost.
bench: wasmtime
	$(SWIFT) build -c release --scratch-path .build-notrace --product cupcake-bench -Xswiftc -DCUPCAKE_TRACING_COMPILED_OUT
	$(SWIFT) build -c release --product cupcake
	$(SWIFT) build -c release --product cupcake-bench
	CUPCAKE_BENCH_BASELINE=.build-notrace/release/cupcake-bench $$($(SWIFT) build -c release --show-bin-path)/cupcake-bench all --json

# Rebuilds the WebAssembly test policies and the demo bundle from Fixtures/policies/src.
fixtures: wasmtime
	@bash Scripts/build-fixtures.sh

demo: wasmtime
	$(SWIFT) build --product cupcake
	@bash Scripts/demo.sh
