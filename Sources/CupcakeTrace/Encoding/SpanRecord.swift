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
