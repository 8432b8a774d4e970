package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Transition;
import java.util.Set;

/** State lists for SQL, built from the domain's constants only (never from input). */
final class SqlStates {
    private SqlStates() {
    }

    /** The SQL list of a transition's source states, e.g. {@code ('pending', 'failed')}. */
    static String from(Transition t) {
        return list(t.from());
    }

    static String list(Set<JobState> states) {
        StringBuilder b = new StringBuilder("(");
        for (JobState s : states) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('\'').append(s.key()).append('\'');
        }
        return b.append(')').toString();
    }
}
