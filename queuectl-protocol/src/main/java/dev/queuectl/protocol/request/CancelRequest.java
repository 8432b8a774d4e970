package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSelection;
import java.util.Map;
import java.util.Objects;

/**
 * Cancels jobs: a pending or failed job becomes dead ("cancelled"); a running job's process
 * group is terminated (TERM, then KILL) and then it becomes dead. One job ({@code id}) is
 * answered with the job; several ({@code ids}, {@code filter}, {@code all}) with a bulk result.
 */
public record CancelRequest(JobSelection target) implements Request {
    public CancelRequest {
        Objects.requireNonNull(target, "target");
    }

    public CancelRequest(String id) {
        this(JobSelection.one(id));
    }

    /** The one job's id, for a single cancel. */
    public String id() {
        return target.id();
    }

    static CancelRequest fromJson(Fields f) {
        return new CancelRequest(JobSelection.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.CANCEL;
    }

    @Override
    public Map<String, Object> body() {
        return target.toJson();
    }
}
