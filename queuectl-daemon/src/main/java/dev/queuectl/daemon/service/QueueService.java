package dev.queuectl.daemon.service;

import dev.queuectl.daemon.service.handler.CancelHandler;
import dev.queuectl.daemon.service.handler.CompleteHandler;
import dev.queuectl.daemon.service.handler.ConfigGetHandler;
import dev.queuectl.daemon.service.handler.DashboardHandler;
import dev.queuectl.daemon.service.handler.ConfigSetHandler;
import dev.queuectl.daemon.service.handler.DlqPurgeHandler;
import dev.queuectl.daemon.service.handler.DlqRetryHandler;
import dev.queuectl.daemon.service.handler.DrainHandler;
import dev.queuectl.daemon.service.handler.EditHandler;
import dev.queuectl.daemon.service.handler.EnqueueBatchHandler;
import dev.queuectl.daemon.service.handler.EnqueueHandler;
import dev.queuectl.daemon.service.handler.HoldHandler;
import dev.queuectl.daemon.service.handler.ListHandler;
import dev.queuectl.daemon.service.handler.LogsHandler;
import dev.queuectl.daemon.service.handler.MetricsHandler;
import dev.queuectl.daemon.service.handler.PruneHandler;
import dev.queuectl.daemon.service.handler.ReleaseHandler;
import dev.queuectl.daemon.service.handler.RerunHandler;
import dev.queuectl.daemon.service.handler.ShowHandler;
import dev.queuectl.daemon.service.handler.StatsHandler;
import dev.queuectl.daemon.service.handler.StatusHandler;
import dev.queuectl.daemon.service.handler.WaitHandler;
import dev.queuectl.daemon.service.handler.WorkerStartHandler;
import dev.queuectl.daemon.service.handler.WorkerStopHandler;
import dev.queuectl.protocol.request.CancelRequest;
import dev.queuectl.protocol.request.CompleteRequest;
import dev.queuectl.protocol.request.ConfigGetRequest;
import dev.queuectl.protocol.request.ConfigSetRequest;
import dev.queuectl.protocol.request.DashboardRequest;
import dev.queuectl.protocol.request.DlqPurgeRequest;
import dev.queuectl.protocol.request.DlqRetryRequest;
import dev.queuectl.protocol.request.DrainRequest;
import dev.queuectl.protocol.request.EditRequest;
import dev.queuectl.protocol.request.EnqueueBatchRequest;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.request.HoldRequest;
import dev.queuectl.protocol.request.ListRequest;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.request.MetricsRequest;
import dev.queuectl.protocol.request.PruneRequest;
import dev.queuectl.protocol.request.ReleaseRequest;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.request.RerunRequest;
import dev.queuectl.protocol.request.ShowRequest;
import dev.queuectl.protocol.request.StatsRequest;
import dev.queuectl.protocol.request.StatusRequest;
import dev.queuectl.protocol.request.WaitRequest;
import dev.queuectl.protocol.request.WorkerStartRequest;
import dev.queuectl.protocol.request.WorkerStopRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Carries out each protocol operation through one small handler per op, for every front door.
 * Never blocks; every failure, whatever its origin, completes the future with a
 * {@link dev.queuectl.protocol.ProtocolException} (see {@link Errors}).
 */
public final class QueueService implements RequestHandler {
    private final EnqueueHandler enqueue;
    private final EnqueueBatchHandler enqueueBatch;
    private final ShowHandler show;
    private final ListHandler list;
    private final StatusHandler status;
    private final ConfigGetHandler configGet;
    private final ConfigSetHandler configSet;
    private final WorkerStartHandler workerStart;
    private final WorkerStopHandler workerStop;
    private final CancelHandler cancel;
    private final WaitHandler await;
    private final LogsHandler logs;
    private final DlqRetryHandler dlqRetry;
    private final DlqPurgeHandler dlqPurge;
    private final DrainHandler drain;
    private final MetricsHandler metrics;
    private final PruneHandler prune;
    private final RerunHandler rerun;
    private final HoldHandler hold;
    private final ReleaseHandler release;
    private final EditHandler edit;
    private final CompleteHandler complete;
    private final StatsHandler stats;
    private final DashboardHandler dashboard;

    public QueueService(ServiceContext ctx) {
        this.enqueue = new EnqueueHandler(ctx);
        this.enqueueBatch = new EnqueueBatchHandler(ctx);
        this.show = new ShowHandler(ctx);
        this.list = new ListHandler(ctx);
        this.status = new StatusHandler(ctx);
        this.configGet = new ConfigGetHandler(ctx);
        this.configSet = new ConfigSetHandler(ctx);
        this.workerStart = new WorkerStartHandler(ctx);
        this.workerStop = new WorkerStopHandler(ctx);
        this.cancel = new CancelHandler(ctx);
        this.await = new WaitHandler(ctx);
        this.logs = new LogsHandler(ctx);
        this.dlqRetry = new DlqRetryHandler(ctx);
        this.dlqPurge = new DlqPurgeHandler(ctx);
        this.drain = new DrainHandler(ctx);
        this.metrics = new MetricsHandler(ctx);
        this.prune = new PruneHandler(ctx);
        this.rerun = new RerunHandler(ctx);
        this.hold = new HoldHandler(ctx);
        this.release = new ReleaseHandler(ctx);
        this.edit = new EditHandler(ctx);
        this.complete = new CompleteHandler(ctx);
        this.stats = new StatsHandler(ctx);
        this.dashboard = new DashboardHandler(ctx);
    }

    @Override
    public CompletableFuture<?> handle(Request request) {
        CompletableFuture<?> result;
        try {
            result = dispatch(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.toProtocol(e));
        }
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return result;
        }
        return result.handle((value, error) -> {
            if (error != null) {
                throw Errors.toProtocol(error);
            }
            return value;
        });
    }

    /** The op's handler; the switch lists every op of the sealed {@link Request}. */
    private CompletableFuture<?> dispatch(Request request) {
        switch (request.op()) {
            case ENQUEUE: return enqueue.handle((EnqueueRequest) request);
            case ENQUEUE_BATCH: return enqueueBatch.handle((EnqueueBatchRequest) request);
            case SHOW: return show.handle((ShowRequest) request);
            case LIST: return list.handle((ListRequest) request);
            case STATUS: return status.handle((StatusRequest) request);
            case CONFIG_GET: return configGet.handle((ConfigGetRequest) request);
            case CONFIG_SET: return configSet.handle((ConfigSetRequest) request);
            case WORKER_START: return workerStart.handle((WorkerStartRequest) request);
            case WORKER_STOP: return workerStop.handle((WorkerStopRequest) request);
            case CANCEL: return cancel.handle((CancelRequest) request);
            case WAIT: return await.handle((WaitRequest) request);
            case LOGS: return logs.handle((LogsRequest) request);
            case DLQ_RETRY: return dlqRetry.handle((DlqRetryRequest) request);
            case DLQ_PURGE: return dlqPurge.handle((DlqPurgeRequest) request);
            case DRAIN: return drain.handle((DrainRequest) request);
            case METRICS: return metrics.handle((MetricsRequest) request);
            case PRUNE: return prune.handle((PruneRequest) request);
            case RERUN: return rerun.handle((RerunRequest) request);
            case HOLD: return hold.handle((HoldRequest) request);
            case RELEASE: return release.handle((ReleaseRequest) request);
            case EDIT: return edit.handle((EditRequest) request);
            case COMPLETE: return complete.handle((CompleteRequest) request);
            case STATS: return stats.handle((StatsRequest) request);
            case DASHBOARD: return dashboard.handle((DashboardRequest) request);
            default: throw new IllegalStateException("no handler for " + request.op());
        }
    }
}
