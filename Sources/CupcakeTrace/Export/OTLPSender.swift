import Dispatch

/// The background loop: spans -> batches -> POSTs.
struct OTLPSender: Sendable {
    let endpoint: OTLPEndpoint
    let encoder: OTLPEncoder
    let timeout: Double
    let linger: Double
    let maxBatchSpans: Int
    let queue: OTLPExportQueue
    let onWarning: @Sendable (String) -> Void

    func run() {
        var batcher = OTLPBatcher(maxSpans: maxBatchSpans)
        var warned = false
        var completed: UInt64 = 0
        while true {
            let woke = queue.wake.wait(timeout: .now() + .milliseconds(Int(max(0.001, min(linger, 3600)) * 1000)))
            let (items, flushTarget, closed) = queue.takeAll()
            var ready: [[OTLPSpan]] = []
            for item in items where batcher.add(item) { ready.append(batcher.take()) }
            // A flush, a quiet spell or the end of the sink sends the partial batch too.
            if flushTarget > completed || woke == .timedOut || closed, !batcher.isEmpty { ready.append(batcher.take()) }
            for batch in ready { send(batch, warned: &warned) }
            completed = flushTarget
            queue.completeFlush(flushTarget)
            if closed { return }
        }
    }

    private func send(_ spans: [OTLPSpan], warned: inout Bool) {
        let body = encoder.encodeRequest(spans)
        let result = PlainHTTPClient.post(to: endpoint, contentType: "application/json", body: body, timeout: timeout)
        if let reason = result.failureReason {
            queue.droppedSpans.add(spans.count, ordering: .relaxed)
            if !warned {
                warned = true
                onWarning(
                    "OTLP export to \(endpoint): \(reason); dropped \(spans.count) span(s). "
                        + "Later failures are counted, not reported.")
            }
        } else {
            queue.sentSpans.add(spans.count, ordering: .relaxed)
        }
    }
}
