package dev.queuectl.daemon.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransitionTest {
    @Test
    void theStateMachineIsTheOneInTheDesign() {
        assertTrue(Transition.CLAIM.allowedFrom(JobState.PENDING));
        assertTrue(Transition.CLAIM.allowedFrom(JobState.FAILED));
        assertFalse(Transition.CLAIM.allowedFrom(JobState.DEAD));
        assertFalse(Transition.CLAIM.allowedFrom(JobState.PROCESSING), "never two runs at once");
        assertEquals(JobState.PENDING, Transition.INTERRUPT.to());
        assertTrue(Transition.REVIVE.allowedFrom(JobState.DEAD));
        assertFalse(Transition.REVIVE.allowedFrom(JobState.FAILED));
        assertFalse(Transition.CANCEL.allowedFrom(JobState.COMPLETED));
        for (Transition t : Transition.values()) {
            assertEquals(t == Transition.RERUN, t.allowedFrom(JobState.COMPLETED),
                    t + ": only a rerun, on request, leaves completed");
        }
        assertTrue(Transition.RERUN.allowedFrom(JobState.DEAD));
        assertFalse(Transition.RERUN.allowedFrom(JobState.FAILED), "a failed job has a retry coming");
        assertEquals(JobState.PENDING, Transition.RERUN.to());
    }
}
