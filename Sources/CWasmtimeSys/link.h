// Intentionally empty: this module exists only to put libwasmtime on the link line.
// The declarations we use live in CWasmtime/include/cwasmtime.h.
