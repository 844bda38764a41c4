#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drains an ``OTLPSpool`` to an OTLP/HTTP endpoint: the work of the detached delivery process
/// (`cupcake otlp-deliver`). Only one runs per spool (an `flock`ed lock file).
///
/// Batches go oldest first, several files per request up to `maxRequestBytes`; a file is removed
/// only after the collector answers 2xx, or when it refuses the request for good (a 4xx other
/// than 408 and 429: the spans are counted as dropped). A failed request is retried after a pause that doubles
/// from `initialBackoff` up to `maxBackoff`; after failing for `giveUpAfter` seconds in a row the
/// run ends, leaving the spool for the next hook's delivery process. The run also ends once the
/// spool has stayed empty for `idleExit` seconds.
package struct OTLPSpoolDelivery: Sendable {
    package let spool: OTLPSpool
    package let endpoint: OTLPEndpoint
    /// Wraps the spooled spans into OTLP/JSON request bodies.
    package var encoder = OTLPEncoder()
    /// The longest one POST may take (connect, send, status line), in seconds.
    package var requestTimeout = 5.0
    /// Seconds the spool must stay empty before the run ends.
    package var idleExit = 3.0
    /// Seconds to wait after the first failed request; doubled after each further one.
    package var initialBackoff = 0.25
    /// The longest wait between two attempts, in seconds.
    package var maxBackoff = 8.0
    /// Seconds of failing requests in a row after which the run ends.
    package var giveUpAfter = 60.0
    /// Spooled bytes gathered into one request at most (one batch file always goes, whatever its size).
    package var maxRequestBytes = 1 << 20

    package init(spool: OTLPSpool, endpoint: OTLPEndpoint) {
        self.spool = spool
        self.endpoint = endpoint
    }

    /// How a run ended.
    package enum Ending: Sendable, Equatable {
        /// Another process holds the spool's lock.
        case alreadyRunning
        /// The spool stayed empty for the idle time.
        case idle
        /// Requests kept failing; the last reason.
        case gaveUp(String)
    }

    /// What a run did.
    package struct Report: Sendable, Equatable {
        package var ending: Ending
        /// Spans the collector accepted.
        package var sentSpans = 0
        /// Requests that did not get a 2xx answer.
        package var failedRequests = 0
        /// Spans the collector refused for good (a 4xx other than 408 and 429); counted as dropped.
        package var rejectedSpans = 0
    }

    /// Sends until the spool stays empty or delivery keeps failing. Blocks the calling thread.
    package func run() -> Report {
        guard var lock = FileLock.tryExclusive(spool.deliveryLockPath) else { return Report(ending: .alreadyRunning) }
        lock.recordOwner()
        spool.removeStaleTemporaries(olderThan: 600)
        spool.removeLegacyBatches()
        var report = Report(ending: .idle)
        var idleSince = WallClock.monotonicNanoseconds()
        var failingSince: UInt64?
        var backoff = initialBackoff
        while true {
            let waiting = spool.batches()
            if waiting.isEmpty {
                guard seconds(since: idleSince) >= idleExit else {
                    pause(seconds: 0.1)
                    continue
                }
                // Let go, then look once more: a hook that saw the lock taken did not start a
                // process, so a batch it spooled just now is ours to send.
                _ = consume lock
                if spool.batches().isEmpty { return report }
                guard let again = FileLock.tryExclusive(spool.deliveryLockPath) else { return report }
                lock = again
                lock.recordOwner()
                idleSince = WallClock.monotonicNanoseconds()
                continue
            }
            let (files, body, spanCount) = nextRequest(waiting)
            guard let body else {
                files.forEach(spool.remove)  // no spans in them: nothing to send
                continue
            }
            let result = PlainHTTPClient.post(to: endpoint, contentType: "application/json", body: body, timeout: requestTimeout)
            guard let reason = result.failureReason else {
                files.forEach(spool.remove)
                report.sentSpans += spanCount
                failingSince = nil
                backoff = initialBackoff
                idleSince = WallClock.monotonicNanoseconds()
                continue
            }
            report.failedRequests += 1
            if case .untrusted = result {
                // Only a change of configuration helps: the batches stay for a later delivery.
                report.ending = .gaveUp(reason)
                spool.recordFailure("gave up on \(endpoint): \(reason)")
                return report
            }
            guard result.isRetryable else {
                // The collector refuses these spans as such; keeping them would block the spool.
                files.forEach(spool.remove)
                spool.addDropped(spanCount)
                report.rejectedSpans += spanCount
                spool.recordFailure("\(endpoint) refused \(spanCount) span(s): \(reason); they were dropped")
                continue
            }
            let since = failingSince ?? WallClock.monotonicNanoseconds()
            failingSince = since
            if seconds(since: since) >= giveUpAfter {
                report.ending = .gaveUp(reason)
                spool.recordFailure("gave up on \(endpoint) after \(report.failedRequests) failed request(s): \(reason)")
                return report
            }
            pause(seconds: backoff)
            backoff = min(backoff * 2, maxBackoff)
        }
    }

    /// The oldest files that fit in one request (at least one) and their spans encoded as one
    /// OTLP/JSON body (nil when they hold no spans).
    private func nextRequest(_ waiting: [OTLPSpool.Batch]) -> ([OTLPSpool.Batch], [UInt8]?, Int) {
        var files: [OTLPSpool.Batch] = []
        var contents: [[UInt8]] = []
        var bytes = 0
        for batch in waiting {
            if !files.isEmpty, bytes + batch.size > maxRequestBytes { break }
            files.append(batch)
            bytes += batch.size
            // A file that vanished (dropped by a writer making room) simply adds nothing.
            if let lines = spool.read(batch) { contents.append(lines) }
        }
        // The spans were encoded when they were spooled: the request only wraps them.
        let (body, count) = encoder.encodeRequest(spanLines: contents)
        return (files, count == 0 ? nil : body, count)
    }

    /// Sleeps; nanosleep because usleep may refuse a second or more.
    private func pause(seconds: Double) {
        let bounded = max(0, min(seconds, 3600))
        var request = timespec(tv_sec: Int(bounded), tv_nsec: Int((bounded - bounded.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }

    private func seconds(since start: UInt64) -> Double {
        Double(WallClock.monotonicNanoseconds() &- start) / 1e9
    }
}
