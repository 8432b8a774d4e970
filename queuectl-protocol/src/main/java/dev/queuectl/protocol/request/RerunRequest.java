package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSelection;
import java.util.Map;
import java.util.Objects;

/**
 * Runs completed or dead jobs again: back to pending with their attempts reset, the history kept
 * and the next run numbered after the last. Pending, processing and failed jobs are refused. One job ({@code id}) is answered with the job;
 * several ({@code ids}, {@code filter}, {@code all}) with a bulk result.
 */
public record RerunRequest(JobSelection target) implements Request {
    public RerunRequest {
        Objects.requireNonNull(target, "target");
    }

    static RerunRequest fromJson(Fields f) {
        return new RerunRequest(JobSelection.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.RERUN;
    }

    @Override
    public Map<String, Object> body() {
        return target.toJson();
    }
}
