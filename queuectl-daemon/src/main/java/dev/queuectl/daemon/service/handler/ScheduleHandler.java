package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobTemplate;
import dev.queuectl.daemon.job.NewSchedule;
import dev.queuectl.daemon.job.Schedule;
import dev.queuectl.daemon.job.ScheduleTimes;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.ScheduleSpec;
import dev.queuectl.protocol.request.ScheduleActionRequest;
import dev.queuectl.protocol.result.ScheduleFired;
import dev.queuectl.protocol.result.ScheduleList;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

/**
 * The schedule ops: {@code schedule_add} (the expression and zone checked here, with cron-utils,
 * before anything is stored), list, show, pause, resume, remove and run. Every change tells the
 * dispatcher, whose timer then reads the next fire time again.
 */
public final class ScheduleHandler {
    private final ServiceContext ctx;

    public ScheduleHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    public CompletableFuture<?> add(ScheduleSpec s) {
        String zone = null;
        if (s.cron() != null) {
            try {
                ZoneId z = s.tz() != null ? ScheduleTimes.zone(s.tz()) : ZoneId.systemDefault();
                ScheduleTimes.cron(s.cron(), z);
                zone = z.getId();
            } catch (IllegalArgumentException e) {
                throw ProtocolException.invalid(e.getMessage());
            }
        }
        JobSpec j = s.job();
        JobTemplate job = new JobTemplate(j.command(), j.queue(), j.priority() == null ? 0 : j.priority(),
                j.maxRetries(), j.timeout() == null ? null : j.timeout().toMillis(), j.cwd(), j.env(), j.labels());
        return ctx.store().addSchedule(new NewSchedule(s.name(), s.cron(), zone, s.every(), job, s.catchUpOne(),
                s.overlapSkip())).thenApply(this::changed);
    }

    public CompletableFuture<ScheduleList> list() {
        return ctx.store().schedules().thenApply(all -> new ScheduleList(Views.schedules(all)));
    }

    public CompletableFuture<?> act(ScheduleActionRequest r) {
        switch (r.op()) {
            case SCHEDULE_SHOW:
                return ctx.store().schedule(r.name()).thenApply(s -> Views.schedule(
                        s.orElseThrow(() -> new ProtocolException(dev.queuectl.protocol.ErrorCode.NOT_FOUND,
                                "no schedule '" + r.name() + "' (queuectl schedule list shows them)"))));
            case SCHEDULE_PAUSE:
            case SCHEDULE_RESUME:
                return ctx.store().pauseSchedule(r.name(), r.op() == dev.queuectl.protocol.request.Op.SCHEDULE_PAUSE)
                        .thenApply(this::changed);
            case SCHEDULE_REMOVE:
                return ctx.store().removeSchedule(r.name()).thenApply(x -> {
                    ctx.events().publish(new JobEvent.SchedulesChanged());
                    return new dev.queuectl.protocol.result.CountResult(1);
                });
            case SCHEDULE_RUN:
                return ctx.store().runSchedule(r.name(), ctx.settings().current().maxRetries()).thenApply(f -> {
                    ctx.events().publish(new JobEvent.Enqueued(1));
                    return new ScheduleFired(f.schedule(), f.fireTime(), f.jobId());
                });
            default:
                throw new IllegalStateException(r.op().name());
        }
    }

    private Object changed(Schedule s) {
        ctx.events().publish(new JobEvent.SchedulesChanged());
        return Views.schedule(s);
    }
}
