/// One field recorded after a span started. `kind` is known for payload recorded as such;
/// otherwise the key is classified when the line is written (and a payload key dropped then,
/// unless payload tracing is on), which keeps recording to a lock and an append.
struct RecordedField {
    var key: String
    var value: TraceValue
    var kind: FieldKind?
}

/// What a span learns while it runs: fields recorded late (a key set again replaces its value)
/// and the error it recorded. The fields given when the span started are kept as they came, so a
/// span that records nothing late allocates nothing here.
struct SpanRecord {
    var fields: [RecordedField] = []
    var error: String?

    init() {}

    /// Calls `body` for every field of a span that started with `initial` and recorded these, in
    /// the order its line writes them: the start-time fields in their order, a key recorded again
    /// later taking its later value (and known kind) there, then the keys first recorded later.
    @inline(__always)
    func forEachField(
        startingWith initial: KeyValuePairs<String, TraceValue>, _ body: (String, TraceValue, FieldKind?) -> Void
    ) {
        let hasLate = !fields.isEmpty
        for (key, value) in initial {
            if hasLate, let late = fields.first(where: { FieldKeys.same($0.key, key) }) {
                body(late.key, late.value, late.kind)
            } else {
                body(key, value, nil)
            }
        }
        for field in fields where !initial.contains(where: { FieldKeys.same($0.key, field.key) }) {
            body(field.key, field.value, field.kind)
        }
    }

    /// Sets a field; setting a key again replaces its value.
    mutating func set(_ key: String, _ value: TraceValue, kind: FieldKind?) {
        if let index = fields.firstIndex(where: { FieldKeys.same($0.key, key) }) {
            fields[index].value = value
            fields[index].kind = kind
        } else {
            // Spans that record late usually record several fields (wasm_eval records five):
            // one allocation instead of growing 1, 2, 4, 8.
            if fields.isEmpty { fields.reserveCapacity(6) }
            fields.append(RecordedField(key: key, value: value, kind: kind))
        }
    }

    func value(for key: String) -> TraceValue? {
        fields.first { FieldKeys.same($0.key, key) }?.value
    }
}
