package dev.queuectl.daemon.job;

import java.time.Duration;
import java.time.Instant;

/**
 * A recurring schedule as stored: a cron expression in a zone, or an interval; the job each firing
 * enqueues; what happens to firings missed while the daemon was down ({@code catchUpOne}: at most
 * one catch-up firing, else none) and to a firing while the previous firing's job has not
 * finished ({@code overlapSkip}: skipped and counted, else enqueued all the same). Immutable.
 *
 * @param cron         the expression, or null for an interval
 * @param zone         the cron expression's zone id, or null for an interval
 * @param every        the interval, or null for a cron expression
 * @param nextFire     when it fires next (while paused: when it would)
 * @param lastFire     the fire time last handled (fired, skipped or missed), or null
 * @param lastOutcome  what happened then, or null
 * @param lastJob      the id of the job its latest firing enqueued, or null
 * @param lastJobState that job's state, or null (none yet, or deleted since)
 * @param skipped      firings skipped because the previous one's job had not finished
 * @param missed       firings not made up for after downtime ({@code catch_up none})
 */
public record Schedule(String name, String cron, String zone, Duration every, JobTemplate job, boolean catchUpOne,
                       boolean overlapSkip, boolean paused, Instant createdAt, Instant nextFire, Instant lastFire,
                       FireOutcome lastOutcome, String lastJob, JobState lastJobState, long skipped, long missed) {

    /**
     * A fire time handled more than this after it came counts as late: the daemon was down (or
     * stopped) through it, and the catch-up rule decides.
     */
    public static final Duration LATE_AFTER = Duration.ofMinutes(1);

    /** What to do now that a fire time has come: which time, what it comes to, and the next one. */
    public record Decision(Instant fireTime, FireOutcome outcome, Instant next) {
    }

    /**
     * The rule for a schedule that is due at {@code now} (its nextFire has come): every fire time
     * that passed collapses into the latest one, which fires on time, or late as the one catch-up
     * firing (or not at all with catch-up none); a firing while the previous firing's job has not
     * finished is skipped with overlap skip. The next fire time is the first after the handled one.
     * Every backend applies this same rule.
     */
    public Decision decide(Instant now) {
        ScheduleTimes times = times();
        Instant at = times.latest(now).filter(t -> !t.isBefore(nextFire)).orElse(nextFire);
        boolean late = Duration.between(at, now).compareTo(LATE_AFTER) > 0;
        FireOutcome outcome;
        if (late && !catchUpOne) {
            outcome = FireOutcome.MISSED;
        } else if (overlapSkip && lastJobState != null && !lastJobState.isFinal()) {
            outcome = FireOutcome.SKIPPED;
        } else {
            outcome = late ? FireOutcome.CAUGHT_UP : FireOutcome.FIRED;
        }
        return new Decision(at, outcome, times.next(at));
    }

    /** The job a firing at {@code t} enqueues, {@code defaultMaxRetries} being the configured max_retries. */
    public NewJob jobAt(Instant t, int defaultMaxRetries) {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>(job.labels());
        labels.put("schedule", name);
        return new NewJob(Firing.jobId(name, t), job.command(),
                job.maxRetries() != null ? job.maxRetries() : defaultMaxRetries, job.priority(), null, job.timeoutMs(),
                job.cwd(), job.env(), labels, job.queue(), null, job.maxRetries() == null);
    }

    /** When this schedule fires, as its rule says. */
    public ScheduleTimes times() {
        return cron != null ? ScheduleTimes.cron(cron, ScheduleTimes.zone(zone)) : ScheduleTimes.every(every, createdAt);
    }
}
