/// What host builtins may read about the evaluation that calls them.
package struct BuiltinContext: Sendable {
    /// The value of `time.now_ns()`: fixed for a whole evaluation, as in OPA.
    package var nowNanoseconds: Int64

    /// Creates a context; take `nowNanoseconds` once at the start of an evaluation.
    package init(nowNanoseconds: Int64) {
        self.nowNanoseconds = nowNanoseconds
    }
}
