package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSelection;
import java.util.Map;
import java.util.Objects;

/**
 * Releases held jobs: they are claimed again once due. One job ({@code id}) is answered with the job;
 * several ({@code ids}, {@code filter}, {@code all}) with a bulk result.
 */
public record ReleaseRequest(JobSelection target) implements Request {
    public ReleaseRequest {
        Objects.requireNonNull(target, "target");
    }

    static ReleaseRequest fromJson(Fields f) {
        return new ReleaseRequest(JobSelection.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.RELEASE;
    }

    @Override
    public Map<String, Object> body() {
        return target.toJson();
    }
}
