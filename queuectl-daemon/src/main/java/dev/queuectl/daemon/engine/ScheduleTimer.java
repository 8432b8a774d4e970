package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.FireOutcome;
import dev.queuectl.daemon.job.Firing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's side of schedules: it knows when the next one fires (read from the store only
 * when schedules changed or after firing) and fires the due ones, so the dispatcher's timer wakes
 * for a schedule exactly as for a job's run_at. No polling. {@link #fire} on the dispatcher thread
 * only; {@link #changed} from any thread.
 */
final class ScheduleTimer {
    private static final Logger log = LoggerFactory.getLogger(ScheduleTimer.class);
    /** Schedules handled per store transaction. */
    private static final int BATCH = 100;
    /** If the store says nothing is due although its time has come (clocks a hair apart), look again this much later. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(200);
    /**
     * With a store other nodes share, schedules may change elsewhere (added, paused, fired by
     * another node): the next fire time is read again at least this often, the bounded fallback
     * that a shared store allows. A store one daemon opens needs none.
     */
    private static final Duration SHARED_REREAD = Duration.ofSeconds(30);

    private final EngineContext ctx;
    private volatile boolean stale = true;
    /** The earliest next fire time, as last read (dispatcher thread only). */
    private Instant next;
    /** When the next fire time was last read (dispatcher thread only). */
    private Instant readAt;

    ScheduleTimer(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** A schedule was added, removed, paused or resumed: read the next fire time again. */
    void changed() {
        stale = true;
    }

    /** Fires every schedule that is due at {@code now}; returns when to look next, if ever. */
    Optional<Instant> fire(Instant now) {
        boolean shared = ctx.cluster.shared();
        if (stale || shared && (readAt == null || !now.isBefore(readAt.plus(SHARED_REREAD)))) {
            stale = false;
            readAt = now;
            next = ctx.store.nextFire().join().orElse(null);
        }
        while (next != null && !next.isAfter(now)) {
            List<Firing> firings = ctx.store.fireSchedules(ctx.runtime.get().maxRetries(), BATCH).join();
            announce(firings);
            next = ctx.store.nextFire().join().orElse(null);
            if (firings.isEmpty()) {
                return Optional.of(now.plus(LOOK_AGAIN));
            }
        }
        if (shared) {
            Instant reread = readAt.plus(SHARED_REREAD);
            return Optional.of(next == null || reread.isBefore(next) ? reread : next);
        }
        return Optional.ofNullable(next);
    }

    private void announce(List<Firing> firings) {
        int enqueued = 0;
        for (Firing f : firings) {
            if (f.jobId() != null) {
                enqueued++;
                log.info("schedule {} fired for {}{}: job {}", f.schedule(), f.fireTime(),
                        f.outcome() == FireOutcome.CAUGHT_UP ? " (catch-up after downtime)" : "", f.jobId());
            } else if (f.outcome() == FireOutcome.SKIPPED) {
                log.info("schedule {} skipped {}: its previous job has not finished", f.schedule(), f.fireTime());
            } else {
                log.warn("schedule {} missed {} while down (catch-up none)", f.schedule(), f.fireTime());
            }
        }
        if (enqueued > 0) {
            ctx.events.publish(new JobEvent.Enqueued(enqueued));
        }
    }
}
