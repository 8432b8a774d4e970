package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSelection;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes dead jobs with their history and output: one ({@code id}, answered with {@code count}
 * 1, a job that is not dead is an error), several ({@code ids}), those a {@code filter} matches
 * among the dead, or every dead job ({@code all}); several are answered with a bulk result, whose
 * {@code count} is the number deleted.
 */
public record DlqPurgeRequest(JobSelection target) implements Request {
    public DlqPurgeRequest {
        Objects.requireNonNull(target, "target");
        DlqRetryRequest.checkDeadOnly(target.filter());
    }

    public DlqPurgeRequest(String id, boolean all) {
        this(new JobSelection(id, null, null, all, false));
    }

    public String id() {
        return target.id();
    }

    public boolean all() {
        return target.all();
    }

    static DlqPurgeRequest fromJson(Fields f) {
        return new DlqPurgeRequest(JobSelection.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.DLQ_PURGE;
    }

    @Override
    public Map<String, Object> body() {
        return target.toJson();
    }
}
