package dev.queuectl.protocol.request;

import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobFilter;
import dev.queuectl.protocol.JobSelection;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import java.util.Map;
import java.util.Objects;

/**
 * Moves dead jobs back to pending, attempts reset, history kept: one ({@code id}, answered with
 * the job), several ({@code ids}), those a {@code filter} matches among the dead, or every dead
 * job ({@code all}, answered with {@code count} as before and the rest of a bulk result).
 */
public record DlqRetryRequest(JobSelection target) implements Request {
    public DlqRetryRequest {
        Objects.requireNonNull(target, "target");
        checkDeadOnly(target.filter());
    }

    public DlqRetryRequest(String id, boolean all) {
        this(new JobSelection(id, null, null, all, false));
    }

    /** A DLQ filter may name the dead state only: the DLQ holds nothing else. */
    static void checkDeadOnly(JobFilter filter) {
        if (filter != null && !filter.states().isEmpty() && !filter.states().equals(java.util.Set.of(JobState.DEAD))) {
            throw ProtocolException.invalid("the dead-letter queue holds dead jobs only; leave 'state' out of the filter");
        }
    }

    public String id() {
        return target.id();
    }

    public boolean all() {
        return target.all();
    }

    static DlqRetryRequest fromJson(Fields f) {
        return new DlqRetryRequest(JobSelection.fromJson(f));
    }

    @Override
    public Op op() {
        return Op.DLQ_RETRY;
    }

    @Override
    public Map<String, Object> body() {
        return target.toJson();
    }
}
