/// How a short-lived process hands OTLP/HTTP export to a delivery process (see
/// ``OTLPExport/deliverHTTPThroughSpool(_:)``).
package struct OTLPSpoolDeliveryConfiguration: Sendable {
    /// The directory holding one spool per endpoint (see ``OTLPSpoolLocation``).
    package var root: String
    /// The size cap of each spool (see ``OTLPSpool/maxBytes``).
    package var maxBytes: Int
    /// Starts a process that runs ``OTLPSpoolDelivery`` on the spool, unless one is running.
    /// Called after a flush that spooled something; must not wait for the delivery.
    package var startDelivery: @Sendable (OTLPSpool, OTLPEndpoint) -> Void

    package init(
        root: String, maxBytes: Int = OTLPSpool.defaultMaxBytes,
        startDelivery: @escaping @Sendable (OTLPSpool, OTLPEndpoint) -> Void
    ) {
        self.root = root
        self.maxBytes = maxBytes
        self.startDelivery = startDelivery
    }
}
