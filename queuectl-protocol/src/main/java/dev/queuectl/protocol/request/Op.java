package dev.queuectl.protocol.request;

import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ProtocolException;

/** Every operation of the protocol, with its wire name and the decoder for its fields. */
public enum Op {
    ENQUEUE("enqueue"),
    ENQUEUE_BATCH("enqueue_batch"),
    SHOW("show"),
    LIST("list"),
    STATUS("status"),
    CONFIG_GET("config_get"),
    CONFIG_SET("config_set"),
    WORKER_START("worker_start"),
    WORKER_STOP("worker_stop"),
    CANCEL("cancel"),
    WAIT("wait"),
    LOGS("logs"),
    DLQ_RETRY("dlq_retry"),
    DLQ_PURGE("dlq_purge"),
    DRAIN("drain"),
    METRICS("metrics"),
    PRUNE("prune"),
    RERUN("rerun"),
    HOLD("hold"),
    RELEASE("release"),
    EDIT("edit"),
    COMPLETE("complete"),
    STATS("stats"),
    DASHBOARD("dashboard");

    private final String wireName;

    Op(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Decodes the request's fields; refuses unknown ones. (A switch, not lambdas: cheaper to start.) */
    public Request decode(Fields fields) {
        Request r;
        switch (this) {
            case ENQUEUE: r = EnqueueRequest.fromJson(fields); break;
            case ENQUEUE_BATCH: r = EnqueueBatchRequest.fromJson(fields); break;
            case SHOW: r = ShowRequest.fromJson(fields); break;
            case LIST: r = ListRequest.fromJson(fields); break;
            case STATUS: r = StatusRequest.fromJson(fields); break;
            case CONFIG_GET: r = ConfigGetRequest.fromJson(fields); break;
            case CONFIG_SET: r = ConfigSetRequest.fromJson(fields); break;
            case WORKER_START: r = WorkerStartRequest.fromJson(fields); break;
            case WORKER_STOP: r = WorkerStopRequest.fromJson(fields); break;
            case CANCEL: r = CancelRequest.fromJson(fields); break;
            case WAIT: r = WaitRequest.fromJson(fields); break;
            case LOGS: r = LogsRequest.fromJson(fields); break;
            case DLQ_RETRY: r = DlqRetryRequest.fromJson(fields); break;
            case DLQ_PURGE: r = DlqPurgeRequest.fromJson(fields); break;
            case DRAIN: r = DrainRequest.fromJson(fields); break;
            case METRICS: r = MetricsRequest.fromJson(fields); break;
            case PRUNE: r = PruneRequest.fromJson(fields); break;
            case RERUN: r = RerunRequest.fromJson(fields); break;
            case HOLD: r = HoldRequest.fromJson(fields); break;
            case RELEASE: r = ReleaseRequest.fromJson(fields); break;
            case EDIT: r = EditRequest.fromJson(fields); break;
            case COMPLETE: r = CompleteRequest.fromJson(fields); break;
            case STATS: r = StatsRequest.fromJson(fields); break;
            case DASHBOARD: r = DashboardRequest.fromJson(fields); break;
            default: throw new IllegalStateException(name());
        }
        fields.finish();
        return r;
    }

    public static Op fromWire(String name) {
        for (Op op : values()) {
            if (op.wireName.equals(name)) {
                return op;
            }
        }
        throw new ProtocolException(ErrorCode.UNKNOWN_OP, "unknown op '" + name + "'; known ops: " + known());
    }

    private static String known() {
        StringBuilder b = new StringBuilder();
        for (Op op : values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(op.wireName);
        }
        return b.toString();
    }
}
