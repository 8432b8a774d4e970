package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSelection;
import java.util.Map;
import java.util.Objects;

/**
 * Holds pending or failed jobs: they keep their state but are not claimed until released. One job ({@code id}) is answered with the job;
 * several ({@code ids}, {@code filter}, {@code all}) with a bulk result.
 */
public record HoldRequest(JobSelection target) implements Request {
    public HoldRequest {
        Objects.requireNonNull(target, "target");
    }

    static HoldRequest fromJson(Fields f) {
        return new HoldRequest(JobSelection.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.HOLD;
    }

    @Override
    public Map<String, Object> body() {
        return target.toJson();
    }
}
