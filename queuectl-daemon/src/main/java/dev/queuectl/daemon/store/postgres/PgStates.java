package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.JobState;
import java.util.Set;
import java.util.StringJoiner;

/** States as SQL literals: the domain's own constants, never user input, so they may be inlined. */
final class PgStates {
    private PgStates() {
    }

    /** {@code ('pending', 'failed')} for those states, in the domain's order. */
    static String list(Set<JobState> states) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (JobState s : JobState.values()) {
            if (states.contains(s)) {
                j.add("'" + s.key() + "'");
            }
        }
        return j.toString();
    }
}
