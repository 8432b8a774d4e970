package dev.queuectl.daemon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.Histogram;
import dev.queuectl.daemon.job.MinuteStats;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.protocol.result.RunHistoryView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunHistoryTest {
    private final TestClock clock = new TestClock();
    private final RunHistory history = new RunHistory(clock, "n1");

    {
        // Start each test a second into a minute, so its few milliseconds of runs share one minute.
        clock.advance(Duration.ofMillis(61_000 - clock.millis() % 60_000));
    }

    private void run(RunOutcome outcome, long waitMs, long ranMs) {
        Instant now = clock.instant();
        ClaimedRun claimed = new ClaimedRun(1, "j", "true", "n1", 1, 0, 3, 0, null, now, now, now, null, null);
        history.on(new JobEvent.RunStarted(claimed, Duration.ofMillis(waitMs)));
        history.on(new JobEvent.RunFinished(new RunEnd(1, "j", 1, outcome, 0, outcome.key(), null, now,
                Transition.COMPLETE, null, 0), Duration.ofMillis(ranMs)));
    }

    private static RunHistoryView.Point last(List<RunHistoryView.Point> points) {
        return points.get(points.size() - 1);
    }

    @Test
    void runsAreCountedPerMinuteAndHourWithTheirPercentiles() {
        for (int i = 0; i < 19; i++) {
            run(RunOutcome.COMPLETED, 2, 10);
        }
        run(RunOutcome.TIMED_OUT, 2, 1000);
        run(RunOutcome.INTERRUPTED, 2, 5);
        RunHistoryView v = history.view();
        assertEquals(60, v.minutes().size());
        assertEquals(24, v.hours().size());
        RunHistoryView.Point now = last(v.minutes());
        assertEquals(19, now.completed());
        assertEquals(1, now.failed(), "a timeout is a failure; an interrupted run is not counted");
        assertTrue(now.runTime().p50() >= 0.010 && now.runTime().p50() < 0.012, "p50 " + now.runTime().p50());
        assertTrue(now.runTime().p99() >= 1.0, "p99 " + now.runTime().p99());
        assertNotNull(now.queueWait());
        assertEquals(20, v.hours().stream().mapToLong(p -> p.completed() + p.failed()).sum());
        assertNull(v.minutes().get(0).runTime(), "an empty minute has no percentiles");
    }

    @Test
    void oldMinutesLeaveTheHourRingAfterAnHourAndHoursAfterADay() {
        run(RunOutcome.COMPLETED, 1, 1);
        clock.advance(Duration.ofMinutes(61));
        RunHistoryView v = history.view();
        assertEquals(0, v.minutes().stream().mapToLong(RunHistoryView.Point::completed).sum());
        assertEquals(1, v.hours().stream().mapToLong(RunHistoryView.Point::completed).sum());
        clock.advance(Duration.ofHours(24));
        assertEquals(0, history.view().hours().stream().mapToLong(RunHistoryView.Point::completed).sum());
    }

    @Test
    void changedMinutesAreHandedOutOnceAndRestoredAfterARestart() {
        run(RunOutcome.COMPLETED, 1, 1);
        run(RunOutcome.FAILED, 1, 1);
        List<MinuteStats> changed = history.takeChanged();
        assertEquals(1, changed.size());
        assertEquals(1, changed.get(0).completed());
        assertEquals(1, changed.get(0).failed());
        assertEquals(List.of(), history.takeChanged());
        history.changedAgain(changed);
        assertEquals(changed, history.takeChanged(), "a failed save is tried again");

        RunHistory restarted = new RunHistory(clock, "n1");
        MinuteStats older = new MinuteStats("n1", changed.get(0).minute().minus(Duration.ofHours(3)), 5, 0,
                Histogram.EMPTY, Histogram.EMPTY);
        restarted.restore(List.of(older, changed.get(0)));
        RunHistoryView v = restarted.view();
        assertEquals(1, v.minutes().stream().mapToLong(RunHistoryView.Point::completed).sum());
        assertEquals(6, v.hours().stream().mapToLong(RunHistoryView.Point::completed).sum());
    }
}
