package dev.queuectl.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.job.FireOutcome;
import dev.queuectl.daemon.job.Firing;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.JobTemplate;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.job.NewSchedule;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Schedule;
import dev.queuectl.daemon.job.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store contract for schedules, on the injected clock: a firing enqueues {@code NAME@<time>}
 * and moves the schedule in one transaction and only once; after downtime at most one catch-up
 * firing (or none); overlap skip; pause and resume; cron in a zone across both DST changes.
 */
public abstract class ScheduleContract extends DependencyContract {
    private static final JobTemplate REPORT = new JobTemplate("make report", "reports", 3, null, 60_000L, "/srv",
            Map.of("TOKEN", "s3cret"), Map.of("team", "ops"));

    protected Schedule every(String name, Duration interval, boolean catchUpOne, boolean overlapSkip) {
        return store.addSchedule(new NewSchedule(name, null, null, interval, REPORT, catchUpOne, overlapSkip)).join();
    }

    protected Schedule cron(String name, String expression, String zone) {
        return store.addSchedule(new NewSchedule(name, expression, zone, null, REPORT, true, true)).join();
    }

    /** Moves the clock to {@code t} (forward only). */
    protected void at(Instant t) {
        clock.advance(Duration.between(clock.instant(), t));
    }

    private List<Firing> fire() {
        return store.fireSchedules(2, 100).join();
    }

    private Schedule schedule(String name) {
        return store.schedule(name).join().orElseThrow();
    }

    @Test
    void aFiringEnqueuesItsJobOnceAndMovesTheSchedule() {
        Schedule s = every("hourly", Duration.ofHours(1), true, true);
        Instant first = s.nextFire();
        assertEquals(s.createdAt().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1)), first);
        assertTrue(fire().isEmpty(), "not due yet");
        assertEquals(first, store.nextFire().join().orElseThrow());
        at(first.plusMillis(10));
        List<Firing> fired = fire();
        assertEquals(List.of(new Firing("hourly", first, "hourly@" + first, FireOutcome.FIRED)), fired);
        var job = find("hourly@" + first);
        assertEquals("make report", job.command());
        assertEquals("reports", job.queue());
        assertEquals(3, job.priority());
        assertEquals(2, job.maxRetries(), "the configured default: neither schedule nor queue set one");
        assertEquals(Duration.ofMinutes(1), job.timeout());
        assertEquals(Map.of("team", "ops", "schedule", "hourly"), job.labels());
        assertEquals(Map.of("TOKEN", "s3cret"), job.env());
        Schedule after = schedule("hourly");
        assertEquals(first.plus(Duration.ofHours(1)), after.nextFire());
        assertEquals(first, after.lastFire());
        assertEquals(FireOutcome.FIRED, after.lastOutcome());
        assertEquals("hourly@" + first, after.lastJob());
        assertEquals(JobState.PENDING, after.lastJobState());
        assertTrue(fire().isEmpty(), "a fire time fires once");
    }

    @Test
    void afterDowntimeAtMostOneCatchUpFiringOrNone() {
        Schedule one = every("one", Duration.ofMinutes(10), true, false);
        Schedule none = every("none", Duration.ofMinutes(10), false, false);
        at(one.nextFire().plus(Duration.ofHours(5)).plus(Duration.ofMinutes(5)));
        List<Firing> fired = fire();
        assertEquals(2, fired.size());
        Firing caught = fired.stream().filter(f -> f.schedule().equals("one")).findFirst().orElseThrow();
        assertEquals(FireOutcome.CAUGHT_UP, caught.outcome());
        assertEquals(one.nextFire().plus(Duration.ofHours(5)), caught.fireTime(), "the latest fire time that passed");
        Firing missed = fired.stream().filter(f -> f.schedule().equals("none")).findFirst().orElseThrow();
        assertEquals(FireOutcome.MISSED, missed.outcome());
        assertNull(missed.jobId());
        assertEquals(1, schedule("none").missed());
        assertEquals(caught.fireTime().plus(Duration.ofMinutes(10)), schedule("one").nextFire());
        assertEquals(1, store.list(dev.queuectl.daemon.job.JobCriteria.ALL, false, null, 10).join().jobs().size(),
                "one job for five hours of missed firings");
        at(schedule("none").nextFire().plusSeconds(1));
        assertEquals(FireOutcome.FIRED, fire().stream().filter(f -> f.schedule().equals("none")).findFirst()
                .orElseThrow().outcome(), "on time again: fires");
    }

    @Test
    void overlapSkipSkipsWhileThePreviousJobRunsAndRecordsIt() {
        Schedule s = every("sync", Duration.ofMinutes(1), true, true);
        at(s.nextFire().plusMillis(5));
        String firstJob = fire().get(0).jobId();
        var run = store.claim(NODE, 1).join().get(0);
        at(schedule("sync").nextFire().plusMillis(5));
        Firing skipped = fire().get(0);
        assertEquals(FireOutcome.SKIPPED, skipped.outcome());
        assertNull(skipped.jobId());
        assertEquals(1, schedule("sync").skipped());
        assertEquals(firstJob, schedule("sync").lastJob(), "the running job is still its latest");
        finish(run, Transition.COMPLETE, RunOutcome.COMPLETED, null);
        at(schedule("sync").nextFire().plusMillis(5));
        assertEquals(FireOutcome.FIRED, fire().get(0).outcome());
        Schedule queueing = every("pile", Duration.ofMinutes(1), true, false);
        at(queueing.nextFire().plusMillis(5));
        fire();
        at(schedule("pile").nextFire().plusMillis(5));
        assertEquals(FireOutcome.FIRED, fire().stream().filter(f -> f.schedule().equals("pile")).findFirst()
                .orElseThrow().outcome(), "overlap queue: the previous job is pending, and it fires anyway");
    }

    @Test
    void aFiringWhoseJobExistsIsTheSameFiringNotASecond() {
        Schedule s = every("idem", Duration.ofMinutes(5), true, false);
        String id = "idem@" + s.nextFire();
        store.enqueue(new NewJob(id, "echo made before", 0, 0, null, null)).join();
        at(s.nextFire().plusMillis(5));
        Firing f = fire().get(0);
        assertEquals(id, f.jobId());
        assertEquals("echo made before", find(id).command(), "left as it was");
        assertEquals(s.nextFire().plus(Duration.ofMinutes(5)), schedule("idem").nextFire());
    }

    @Test
    void pausedSchedulesDoNotFireAndResumeFromNow() {
        Schedule s = every("p", Duration.ofMinutes(1), true, true);
        store.pauseSchedule("p", true).join();
        assertTrue(store.nextFire().join().isEmpty());
        at(s.nextFire().plus(Duration.ofMinutes(30)));
        assertTrue(fire().isEmpty());
        Schedule resumed = store.pauseSchedule("p", false).join();
        assertTrue(resumed.nextFire().isAfter(clock.instant()), "missed while paused: not made up");
        Firing run = store.runSchedule("p", 1).join();
        assertEquals(FireOutcome.RUN, run.outcome());
        assertEquals(JobState.PENDING, find(run.jobId()).state());
        assertEquals(false, store.addSchedule(new NewSchedule("p", null, null, Duration.ofMinutes(1), REPORT, true,
                true)).handle((x, e) -> e == null).join(), "a second schedule of the name is refused");
        assertInstanceOf(ScheduleRefusedException.class, failure(() -> store.runSchedule("nope", 1).join()));
        store.removeSchedule("p").join();
        assertTrue(store.schedules().join().isEmpty());
        assertTrue(store.find(run.jobId()).join().isPresent(), "its jobs stay");
    }

    @Test
    void aNightlyCronFiresAtThreeInBerlinOnBothDstChangeDays() {
        at(Instant.parse("2027-03-27T12:00:00Z"));
        Schedule s = cron("nightly", "0 3 * * *", "Europe/Berlin");
        Schedule gap = cron("half-two", "30 2 * * *", "Europe/Berlin");
        assertEquals(Instant.parse("2027-03-28T01:00:00Z"), s.nextFire(), "03:00 CEST, the clocks just moved on");
        assertEquals(Instant.parse("2027-03-29T00:30:00Z"), gap.nextFire(), "02:30 does not exist on the 28th");
        at(Instant.parse("2027-03-28T01:00:01Z"));
        assertEquals("nightly@2027-03-28T01:00:00Z", fire().get(0).jobId());
        assertEquals(Instant.parse("2027-03-29T01:00:00Z"), schedule("nightly").nextFire());
        at(Instant.parse("2027-10-30T12:00:00Z"));
        store.pauseSchedule("nightly", true).join();
        store.pauseSchedule("half-two", true).join();
        assertEquals(Instant.parse("2027-10-31T02:00:00Z"), store.pauseSchedule("nightly", false).join().nextFire(),
                "03:00 CET, the day the clocks go back");
        assertEquals(Instant.parse("2027-10-31T00:30:00Z"), store.pauseSchedule("half-two", false).join().nextFire(),
                "the repeated 02:30 fires once, the first time");
        at(Instant.parse("2027-10-31T00:30:02Z"));
        fire();
        assertEquals(Instant.parse("2027-11-01T01:30:00Z"), schedule("half-two").nextFire(), "not again at 01:30Z");
    }
}
