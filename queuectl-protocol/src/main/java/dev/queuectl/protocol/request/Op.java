package dev.queuectl.protocol.request;

import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ProtocolException;
import java.util.function.Function;

/** Every operation of the protocol, with its wire name and the decoder for its fields. */
public enum Op {
    ENQUEUE("enqueue", EnqueueRequest::fromJson),
    ENQUEUE_BATCH("enqueue_batch", EnqueueBatchRequest::fromJson),
    SHOW("show", ShowRequest::fromJson),
    LIST("list", ListRequest::fromJson),
    STATUS("status", StatusRequest::fromJson),
    CONFIG_GET("config_get", ConfigGetRequest::fromJson),
    CONFIG_SET("config_set", ConfigSetRequest::fromJson),
    WORKER_START("worker_start", WorkerStartRequest::fromJson),
    WORKER_STOP("worker_stop", WorkerStopRequest::fromJson),
    CANCEL("cancel", CancelRequest::fromJson),
    WAIT("wait", WaitRequest::fromJson),
    LOGS("logs", LogsRequest::fromJson),
    DLQ_RETRY("dlq_retry", DlqRetryRequest::fromJson),
    DLQ_PURGE("dlq_purge", DlqPurgeRequest::fromJson),
    DRAIN("drain", DrainRequest::fromJson),
    METRICS("metrics", MetricsRequest::fromJson),
    PRUNE("prune", PruneRequest::fromJson);

    private final String wireName;
    private final Function<Fields, Request> decoder;

    Op(String wireName, Function<Fields, Request> decoder) {
        this.wireName = wireName;
        this.decoder = decoder;
    }

    public String wireName() {
        return wireName;
    }

    /** Decodes the request's fields; refuses unknown ones. */
    public Request decode(Fields fields) {
        Request r = decoder.apply(fields);
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
