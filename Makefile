# Quick start: `make demo` and `make test`. Each does the set-up it needs first.
SWIFT ?= swift

.PHONY: all demo test bench fixtures wasmtime build release

all: build

# libwasmtime from the pinned PyPI wheel (idempotent; does nothing when pkg-config finds it).
wasmtime:
	@bash Scripts/install-wasmtime.sh

build: wasmtime
	$(SWIFT) build

test: wasmtime
	$(SWIFT) test

# The baseline with tracing compiled out lets `engine` measure what tracing-off span sites cost.
# Release binaries link the Swift runtime statically: a hook is a new process every time, and
# loading the shared runtime libraries costs milliseconds.
# Concrete types' metadata accessors call the runtime directly instead of demangling a type name
# on first use: ~0.25 ms less per hook process (a unsafeFlags setting would make the package
# unusable as a dependency, so it lives here).
RELEASE = -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors

bench: wasmtime
	$(SWIFT) build $(RELEASE) --scratch-path .build-notrace --product cupcake-bench -Xswiftc -DCUPCAKE_TRACING_COMPILED_OUT
	$(SWIFT) build $(RELEASE) --product cupcake
	$(SWIFT) build $(RELEASE) --product cupcake-bench
	CUPCAKE_BENCH_BASELINE=.build-notrace/release/cupcake-bench $$($(SWIFT) build $(RELEASE) --show-bin-path)/cupcake-bench all --json

# The CLI as a hook should run it: release build, static Swift runtime.
release: wasmtime
	$(SWIFT) build $(RELEASE) --product cupcake

# Rebuilds the WebAssembly test policies and the demo bundle from Fixtures/policies/src.
fixtures: wasmtime
	@bash Scripts/build-fixtures.sh

demo: wasmtime
	$(SWIFT) build --product cupcake
	@bash Scripts/demo.sh
