package dev.queuectl.daemon.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.queuectl.daemon.job.Transition;
import org.junit.jupiter.api.Test;

class SqlStatesTest {
    @Test
    void aTransitionsSourceStatesBecomeAnSqlList() {
        assertEquals("('pending', 'failed')", SqlStates.from(Transition.CLAIM));
    }
}
