/// Takes lines and keeps none: the line destination of a tracer that only exports spans
/// (`CUPCAKE_TRACE_OTLP` without `CUPCAKE_TRACE`). A tracer with this sink does not encode lines.
package struct DiscardingSink: Sink {
    package init() {}

    package func write(_ lines: UnsafeRawBufferPointer) -> Bool { true }
}
