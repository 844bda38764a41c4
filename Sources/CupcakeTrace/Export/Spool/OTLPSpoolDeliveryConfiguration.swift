/// How a short-lived process hands OTLP/HTTP export to a delivery process (see
/// ``OTLPExport/deliverHTTPThroughSpool(_:)``).
public struct OTLPSpoolDeliveryConfiguration: Sendable {
    /// The directory holding one spool per endpoint (see ``OTLPSpoolLocation``).
    public var root: String
    /// The size cap of each spool (see ``OTLPSpool/maxBytes``).
    public var maxBytes: Int
    /// Starts a process that runs ``OTLPSpoolDelivery`` on the spool, unless one is running.
    /// Called after a flush that spooled something; must not wait for the delivery.
    public var startDelivery: @Sendable (OTLPSpool, OTLPEndpoint) -> Void

    public init(
        root: String, maxBytes: Int = OTLPSpool.defaultMaxBytes,
        startDelivery: @escaping @Sendable (OTLPSpool, OTLPEndpoint) -> Void
    ) {
        self.root = root
        self.maxBytes = maxBytes
        self.startDelivery = startDelivery
    }
}
