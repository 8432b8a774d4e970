package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.TimeRules;
import java.time.Clock;
import java.time.Instant;

/** Resolves what a client asked to enqueue into a job to store: the defaults the request left open filled in. */
final class NewJobs {
    private NewJobs() {
    }

    static NewJob resolve(JobSpec spec, RuntimeConfig config, Clock clock) {
        Instant runAt = spec.runAt();
        if (spec.delay() != null) {
            runAt = TimeRules.checkRunAt("now + field 'delay'", clock.instant().plus(spec.delay()));
        }
        return new NewJob(spec.id(), spec.command(),
                spec.maxRetries() != null ? spec.maxRetries() : config.maxRetries(),
                spec.priority() != null ? spec.priority() : 0,
                runAt,
                spec.timeout() != null ? spec.timeout().toMillis() : null,
                spec.cwd(), spec.env(), spec.labels());
    }
}
