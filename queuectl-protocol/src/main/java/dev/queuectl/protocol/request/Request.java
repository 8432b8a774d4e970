package dev.queuectl.protocol.request;

import java.util.Map;

/**
 * A request a client sends to queuectld. Every operation has its own record; {@link Op} lists
 * them all with their wire names and decoders. Records are immutable and validated when built.
 */
public sealed interface Request permits EnqueueRequest, EnqueueBatchRequest, ShowRequest, ListRequest,
        StatusRequest, ConfigGetRequest, ConfigSetRequest, WorkerStartRequest, WorkerStopRequest, CancelRequest,
        WaitRequest, LogsRequest, DlqRetryRequest, DlqPurgeRequest, DrainRequest, MetricsRequest,
        PruneRequest, RerunRequest, HoldRequest, ReleaseRequest, EditRequest, CompleteRequest,
        StatsRequest, DashboardRequest {

    Op op();

    /** The request's fields as they go on the wire, without {@code op} and {@code req}. */
    Map<String, Object> body();
}
