import CWasmtime
import Testing
@testable import CupcakeEngine

/// The wasmtime wrapper against the real library: layouts, calls, memory, globals, traps.
@Suite struct WasmCoreTests {
    static let sample = """
    (module
      (import "env" "add_one" (func $addOne (param i32) (result i32)))
      (memory (export "memory") 1 4)
      (global (export "answer") i32 (i32.const 42))
      (global (export "wide") i64 (i64.const 7))
      (data (i32.const 100) "hi\\00")
      (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
      (func (export "seven") (param i32 i32 i32 i32 i32 i32 i32) (result i32)
        (i32.add (local.get 0) (i32.add (local.get 1) (i32.add (local.get 2) (i32.add (local.get 3)
          (i32.add (local.get 4) (i32.add (local.get 5) (local.get 6))))))))
      (func (export "host") (param i32) (result i32) (call $addOne (local.get 0)))
      (func (export "trap_unreachable") (unreachable))
      (func (export "trap_oob") (result i32) (i32.load (i32.const 1000000)))
      (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
      (func (export "spin") (loop $l (br $l)))
      (func (export "f64") (result f64) (f64.const 1.5))
    )
    """

    /// A live instance of `sample` with `env.add_one` defined.
    final class Fixture {
        let store: WasmStore
        let instance: WasmInstance
        init(engine: WasmEngine? = nil) throws {
            let engine = try engine ?? WasmEngine.shared()
            let module = try WasmModule.compile(try wasmBinary(fromText: WasmCoreTests.sample), engine: engine)
            store = try WasmStore(engine: engine)
            let linker = try WasmLinker(engine: engine)
            try linker.defineFunction(module: "env", name: "add_one", parameters: 1, returnsValue: true, user: nil) { _, _, args, _, result in
                guard let args, let result else { return cw_trap_from_message("bad call") }
                result.pointee = args[0] &+ 1
                return nil
            }
            instance = try linker.instantiate(module, in: store)
        }

        func function(_ name: String, _ parameters: Int, _ returns: Bool) throws -> WasmFunction {
            try #require(try instance.function(name, parameters: parameters, returnsValue: returns, in: store))
        }

        /// Calls the endless `spin` with a deadline; the trap that ended it, if any.
        func spinUntilTrapped(deadlineMilliseconds: Int) throws -> WasmTrap? {
            let spin = try function("spin", 0, false)
            return try store.withEpochTicking(unavailable: WasmError.engineUnavailable("no ticker")) { () throws(WasmError) -> WasmTrap? in
                store.setDeadline(milliseconds: deadlineMilliseconds)
                do {
                    _ = try store.call(spin)
                } catch let WasmError.trap(trap) {
                    return trap
                } catch {}
                return nil
            }
        }
    }

    @Test func structLayoutsMatchTheLibrary() {
        #expect(MemoryLayout<wasmtime_val_t>.size == 32)
        #expect(MemoryLayout<wasmtime_extern_t>.size == 32)
        #expect(MemoryLayout<wasmtime_memory_t>.size == 24)
        #expect(MemoryLayout<wasmtime_global_t>.size == 24)
        #expect(MemoryLayout<wasmtime_func_t>.size == 16)
        #expect(MemoryLayout<wasmtime_instance_t>.size == 16)
        #expect(MemoryLayout<wasmtime_val_raw_t>.size == 16)
        #expect(MemoryLayout<wasm_byte_vec_t>.size == 16)
    }

    @Test func callsFunctionsWithI32Arguments() throws {
        let fixture = try Fixture()
        #expect(try fixture.store.call(try fixture.function("add", 2, true), 40, 2) == 42)
        #expect(try fixture.store.call(try fixture.function("add", 2, true), -5, 3) == -2)
        #expect(try fixture.store.call(try fixture.function("seven", 7, true), 1, 2, 3, 4, 5, 6, 7) == 28)
    }

    @Test func hostFunctionsReceiveArgumentsAndReturnResults() throws {
        let fixture = try Fixture()
        #expect(try fixture.store.call(try fixture.function("host", 1, true), 41) == 42)
    }

    @Test func readsGlobalsAndRejectsWrongKinds() throws {
        let fixture = try Fixture()
        #expect(try fixture.instance.i32Global("answer", in: fixture.store) == 42)
        #expect(try fixture.instance.i32Global("absent", in: fixture.store) == nil)
        #expect(throws: WasmError.self) { try fixture.instance.i32Global("wide", in: fixture.store) }
        #expect(throws: WasmError.self) { try fixture.instance.i32Global("add", in: fixture.store) }
    }

    @Test func verifiesFunctionSignatures() throws {
        let fixture = try Fixture()
        #expect(throws: WasmError.self) { try fixture.instance.function("add", parameters: 1, returnsValue: true, in: fixture.store) }
        #expect(throws: WasmError.self) { try fixture.instance.function("add", parameters: 2, returnsValue: false, in: fixture.store) }
        #expect(throws: WasmError.self) { try fixture.instance.function("f64", parameters: 0, returnsValue: true, in: fixture.store) }
        #expect(throws: WasmError.self) { try fixture.instance.function("answer", parameters: 0, returnsValue: true, in: fixture.store) }
        #expect(try fixture.instance.function("nothing", parameters: 0, returnsValue: false, in: fixture.store) == nil)
    }

    @Test func readsWritesAndGrowsMemoryWithBoundsChecks() throws {
        let fixture = try Fixture()
        let store = fixture.store
        let memory = try #require(try fixture.instance.memory("memory", in: store))
        #expect(memory.byteCount(in: store) == WasmMemory.pageSize)
        #expect(memory.cString(at: 100, limit: 100, in: store) == Array("hi".utf8))
        try memory.write([1, 2, 3], at: 65_533, in: store)
        #expect(try memory.read(at: 65_533, length: 3, in: store) == [1, 2, 3])
        #expect(throws: WasmError.self) { try memory.write([1, 2, 3, 4], at: 65_533, in: store) }
        #expect(throws: WasmError.self) { try memory.write([1], at: -1, in: store) }
        #expect(throws: WasmError.self) { try memory.read(at: -1, length: 1, in: store) }
        #expect(throws: WasmError.self) { try memory.read(at: 65_536, length: 1, in: store) }
        #expect(throws: WasmError.self) { try memory.read(at: 10, length: Int.max, in: store) }
        #expect(try memory.grow(by: 1, in: store) == 1)
        #expect(memory.byteCount(in: store) == 2 * WasmMemory.pageSize)
        #expect(try memory.read(at: 65_533, length: 3, in: store) == [1, 2, 3])
        #expect(throws: WasmError.self) { try memory.grow(by: 10, in: store) }
        // No NUL within the limit, or an address past the end: nil rather than an overrun.
        try memory.write([65, 65, 65, 65], at: 200, in: store)
        #expect(memory.cString(at: 200, limit: 2, in: store) == nil)
        #expect(memory.cString(at: 1 << 20, limit: 10, in: store) == nil)
        #expect(memory.cString(at: -5, limit: 10, in: store) == nil)
    }

    @Test func classifiesTraps() throws {
        let fixture = try Fixture()
        func trap(_ body: () throws -> Void) -> WasmTrap? {
            do {
                try body()
            } catch let WasmError.trap(trap) {
                return trap
            } catch {}
            return nil
        }
        let unreachable = trap { _ = try fixture.store.call(try fixture.function("trap_unreachable", 0, false)) }
        #expect(unreachable?.cause == .unreachable)
        let outOfBounds = trap { _ = try fixture.store.call(try fixture.function("trap_oob", 0, true)) }
        #expect(outOfBounds?.cause == .outOfBounds)
        #expect(outOfBounds?.summary == "out of bounds memory access")
        let division = trap { _ = try fixture.store.call(try fixture.function("divide", 2, true), 1, 0) }
        #expect(division?.cause == .arithmetic)
        #expect(division?.summary == "integer divide by zero")
        // The store is still usable after traps.
        #expect(try fixture.store.call(try fixture.function("add", 2, true), 1, 1) == 2)
    }

    @Test func extractsTheCauseFromTrapMessages() {
        let backtrace = "error while executing at wasm backtrace:\n    0:     0xfd - <unknown>!<wasm function 6>\n\nCaused by:\n"
        #expect(WasmTrap.causeLine(of: backtrace + "    wasm trap: integer divide by zero\n") == "integer divide by zero")
        #expect(WasmTrap.causeLine(of: backtrace + "    0: memory fault at 0x1\n    1: wasm trap: out of bounds memory access\n")
                == "out of bounds memory access")
        #expect(WasmTrap.causeLine(of: "wasm trap: unreachable") == "unreachable")
        #expect(WasmTrap.causeLine(of: "plain message\nmore") == "plain message")
        #expect(WasmTrap.causeLine(of: "") == "")
    }

    @Test func epochDeadlineInterruptsAnInfiniteLoop() throws {
        let fixture = try Fixture()
        let outcome = try fixture.spinUntilTrapped(deadlineMilliseconds: 50)
        #expect(outcome?.cause == .interrupt)
    }

    @Test("the deadline's ticker thread starts with the first wasm call, not with the engine")
    func tickerStartsWithTheFirstCall() throws {
        let engine = try WasmEngine()
        #expect(!engine.ticker.isLaunched)
        let store = try WasmStore(engine: engine)
        let ran = try store.withEpochTicking(unavailable: WasmError.engineUnavailable("no ticker")) { () throws(WasmError) in true }
        #expect(ran)
        #expect(engine.ticker.isLaunched)
    }

    @Test("a signal-driven ticker interrupts an endless loop at its deadline, and again once re-armed")
    func signalTickerInterrupts() throws {
        let engine = try WasmEngine(configuration: WasmEngineConfiguration(), signalTicking: true)
        let fixture = try Fixture(engine: engine)
        let start = MonotonicClock.nanoseconds()
        let outcome = try fixture.spinUntilTrapped(deadlineMilliseconds: 50)
        #expect(outcome?.cause == .interrupt)
        #expect(engine.ticker.isSignalDriven)
        // Not before the deadline (the signal ticks from when the sequence started).
        #expect(MonotonicClock.millisecondsSince(start) >= 50)
        // Disarmed after: a second sequence runs and is interrupted again.
        let again = try fixture.spinUntilTrapped(deadlineMilliseconds: 20)
        #expect(again?.cause == .interrupt)
    }

    @Test func rejectsBytesThatAreNotWasm() throws {
        let engine = try WasmEngine.shared()
        #expect {
            try WasmModule.compile(Array("not wasm at all".utf8), engine: engine)
        } throws: { error in
            guard case WasmError.invalidModule(let message) = error else { return false }
            return !message.isEmpty
        }
        #expect(throws: WasmError.self) { try WasmModule.compile([], engine: engine) }
        #expect(throws: WasmError.self) { try wasmBinary(fromText: "(module (func") }
    }

    @Test func listsImports() throws {
        let module = try WasmModule.compile(try FakeOPA.wasm(memoryMinimumPages: 3), engine: try WasmEngine.shared())
        let imports = module.imports
        #expect(imports.map(\.qualifiedName) == ["env.memory", "env.opa_abort", "env.opa_println", "env.opa_builtin1"])
        #expect(imports[0].kind == .memory)
        #expect(imports[0].memoryMinimumPages == 3)
        #expect(imports[0].memoryMaximumPages == nil)
        #expect(imports[1].kind == .function)
    }

    @Test func serializedModulesRoundTrip() throws {
        let engine = try WasmEngine.shared()
        let module = try WasmModule.compile(try wasmBinary(fromText: "(module (func (export \"one\") (result i32) (i32.const 1)))"), engine: engine)
        let artifact = try module.serialize()
        #expect(artifact.count > 0)
        let restored = try artifact.withUnsafeBytes { try WasmModule.deserializeVerified($0, engine: engine) }
        let store = try WasmStore(engine: engine)
        let instance = try WasmLinker(engine: engine).instantiate(restored, in: store)
        let one = try #require(try instance.function("one", parameters: 0, returnsValue: true, in: store))
        #expect(try store.call(one) == 1)
    }

    @Test func missingImportFailsInstantiation() throws {
        let engine = try WasmEngine.shared()
        let module = try WasmModule.compile(try wasmBinary(fromText: "(module (import \"env\" \"gone\" (func)))"), engine: engine)
        let store = try WasmStore(engine: engine)
        #expect {
            try WasmLinker(engine: engine).instantiate(module, in: store)
        } throws: { error in
            guard case WasmError.instantiationFailed(let message) = error else { return false }
            return message.contains("gone")
        }
    }
}
