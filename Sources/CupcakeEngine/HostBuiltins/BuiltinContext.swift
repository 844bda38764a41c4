/// What host builtins may read about the evaluation that calls them.
public struct BuiltinContext: Sendable {
    /// The value of `time.now_ns()`: fixed for a whole evaluation, as in OPA.
    public var nowNanoseconds: Int64

    /// Creates a context; take `nowNanoseconds` once at the start of an evaluation.
    public init(nowNanoseconds: Int64) {
        self.nowNanoseconds = nowNanoseconds
    }
}
