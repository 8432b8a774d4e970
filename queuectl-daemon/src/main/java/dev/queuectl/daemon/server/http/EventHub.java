package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.service.RequestHandler;
import dev.queuectl.protocol.request.StatsRequest;
import dev.queuectl.protocol.request.StatusRequest;
import io.netty.util.concurrent.EventExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live events for the dashboard, from the daemon's event stream, coalesced: publishers only mark
 * what changed (a few atomic writes, whatever the rate), and every {@value #TICK_MS} ms one tick
 * turns the marks into at most one message of each kind, encoded once and written to every
 * stream. However many jobs run per second, a browser gets at most a few messages per second.
 *
 * <p>Events: {@code status} (counts, workers, recent stats; the service's own status answer),
 * {@code jobs} (ids that changed, with their new state), {@code stats} (each new minute),
 * {@code config}, {@code log} (new output of a followed job's run), {@code reset} (the client
 * missed messages and should fetch again). {@code jobs} messages are kept in a bounded window so
 * a reconnecting client resumes from its {@code Last-Event-ID}; an idle stream gets a heartbeat
 * comment every {@value #HEARTBEAT_SECONDS} s.
 *
 * <p>The tick runs on one event loop; {@link #on} may be called from any thread.
 */
final class EventHub {
    static final long TICK_MS = 250;
    static final long HEARTBEAT_SECONDS = 15;
    /** A client that has not read for this long is disconnected. */
    static final long GIVE_UP_SECONDS = 60;
    static final int WINDOW = 512;
    /** How long after the last stream closed changes are still recorded for a client to resume. */
    static final long LINGER_SECONDS = 60;
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(LINGER_SECONDS);
    /** Ids named in one {@code jobs} message at most; beyond it the message says "more". */
    static final int MAX_IDS = 100;

    private final RequestHandler service;
    private final EventExecutor ticker;
    private final Clock clock;
    private final String epoch;
    final Set<EventSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Streams open or being opened, for the limit. */
    private final AtomicInteger open = new AtomicInteger();
    private final LogFollower follower;
    private final EventBus.Subscription subscription;

    private final AtomicBoolean statusDirty = new AtomicBoolean(true);
    /** When the last stream closed (System.nanoTime), or long ago. */
    private volatile long lastLeftNanos = System.nanoTime() - 2 * TimeUnit.SECONDS.toNanos(LINGER_SECONDS);
    private final AtomicBoolean configDirty = new AtomicBoolean();
    private final AtomicBoolean overflow = new AtomicBoolean();
    private final AtomicInteger enqueued = new AtomicInteger();
    private final ConcurrentHashMap<String, String> changed = new ConcurrentHashMap<>();

    /** Ticker thread only: */
    private final EventWindow window = new EventWindow(WINDOW);
    private long seq;
    private boolean statusInFlight;
    private long statsMinute;
    private ScheduledFuture<?> tick;

    EventHub(RequestHandler service, EventBus bus, EventExecutor ticker, Clock clock) {
        this.service = service;
        this.ticker = ticker;
        this.clock = clock;
        this.epoch = Long.toString(clock.millis(), 36);
        this.follower = new LogFollower(service, ticker);
        this.subscription = bus.subscribe(this::on);
    }

    String epoch() {
        return epoch;
    }

    int streams() {
        return open.get();
    }

    /** Takes one of {@code max} places for a new stream; false when all are taken. */
    boolean reserve(int max) {
        while (true) {
            int n = open.get();
            if (n >= max) {
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /**
     * The event stream's subscriber: marks what changed; never blocks, allocates little. Changes
     * are marked while a stream is open and for {@value #LINGER_SECONDS} s after the last one
     * closed, so a client that reconnects can resume.
     */
    void on(JobEvent e) {
        if (subscribers.isEmpty() && System.nanoTime() - lastLeftNanos > LINGER_NANOS) {
            return;
        }
        if (e instanceof JobEvent.StateChanged) {
            JobEvent.StateChanged c = (JobEvent.StateChanged) e;
            mark(c.id(), c.state() == null ? "deleted" : c.state().key());
        } else if (e instanceof JobEvent.RunClaimed) {
            mark(((JobEvent.RunClaimed) e).run().id(), "processing");
        } else if (e instanceof JobEvent.Enqueued) {
            enqueued.addAndGet(((JobEvent.Enqueued) e).count());
        } else if (e instanceof JobEvent.BulkChanged) {
            overflow.set(true);
        } else if (e instanceof JobEvent.Modified) {
            java.util.List<String> ids = ((JobEvent.Modified) e).ids();
            if (ids.size() > MAX_IDS) {
                overflow.set(true); // a bulk hold or release: pages fetch again rather than read each id
            } else {
                ids.forEach(id -> mark(id, "modified"));
            }
        } else if (e instanceof JobEvent.ConfigChanged) {
            configDirty.set(true);
        } else if (!(e instanceof JobEvent.RunStarted || e instanceof JobEvent.RunFinished)) {
            return;
        }
        statusDirty.set(true);
    }

    private void mark(String id, String state) {
        if (changed.size() < MAX_IDS || changed.containsKey(id)) {
            changed.put(id, state);
        } else {
            overflow.set(true);
        }
    }

    /** Gives back a place {@link #reserve} took for a stream that did not open. */
    void release() {
        open.decrementAndGet();
    }

    /** Registers a stream and sends what a new client needs: resumed or reset history, and the status now. */
    void add(EventSubscriber s, String lastEventId) {
        ticker.execute(() -> {
            s.send(SseMessage.RETRY);
            String resume = lastEventId == null ? null : window.replay(epoch, seq, lastEventId, s);
            if (resume != null) {
                s.send(SseMessage.unnumbered("reset", Map.of("reason", resume)).bytes());
            }
            subscribers.add(s);
            s.channel.closeFuture().addListener(f -> {
                subscribers.remove(s);
                open.decrementAndGet();
                lastLeftNanos = System.nanoTime();
            });
            if (tick == null) {
                tick = ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
            }
            service.handle(new StatusRequest()).whenCompleteAsync((status, error) -> {
                if (error == null) {
                    s.send(SseMessage.unnumbered("status", status).bytes());
                }
            }, ticker);
        });
    }

    private void tick() {
        Set<String> changedIds = jobs();
        if (subscribers.isEmpty()) {
            if (System.nanoTime() - lastLeftNanos > LINGER_NANOS) {
                tick.cancel(false);
                tick = null;
                statusDirty.set(true);
            }
            return;
        }
        if (configDirty.getAndSet(false)) {
            broadcast(SseMessage.of(epoch, ++seq, "config", Map.of()));
        }
        if (!statusInFlight && statusDirty.getAndSet(false)) {
            statusInFlight = true;
            service.handle(new StatusRequest()).whenCompleteAsync((status, error) -> {
                statusInFlight = false;
                if (error == null) {
                    broadcast(SseMessage.of(epoch, ++seq, "status", status));
                }
            }, ticker);
        }
        long minute = clock.millis() / 60_000;
        if (minute != statsMinute) {
            statsMinute = minute;
            service.handle(new StatsRequest()).whenCompleteAsync((stats, error) -> {
                if (error == null) {
                    broadcast(SseMessage.of(epoch, ++seq, "stats", stats));
                }
            }, ticker);
        }
        long now = System.nanoTime();
        for (EventSubscriber s : subscribers) {
            if (s.behindNanos(now) > TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS)) {
                s.channel.close();
            } else if (s.idleNanos(now) > TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS)) {
                s.send(SseMessage.HEARTBEAT);
            }
            if (s.follow != null) {
                follower.maybeRead(s, changedIds.contains(s.follow));
            }
        }
    }

    /** Turns the marks into one {@code jobs} message, if anything changed; returns the ids named. */
    private Set<String> jobs() {
        int added = enqueued.getAndSet(0);
        boolean more = overflow.getAndSet(false);
        if (changed.isEmpty() && added == 0 && !more) {
            return Set.of();
        }
        List<Object> list = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (String id : new ArrayList<>(changed.keySet())) {
            String state = changed.remove(id);
            if (state != null) {
                ids.add(id);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("state", state);
                list.add(m);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", list);
        data.put("enqueued", added);
        data.put("more", more);
        SseMessage msg = SseMessage.of(epoch, ++seq, "jobs", data);
        window.add(msg);
        broadcast(msg);
        return ids;
    }

    private void broadcast(SseMessage m) {
        for (EventSubscriber s : subscribers) {
            s.send(m.bytes());
        }
    }

    void close() {
        subscription.cancel();
        ticker.execute(() -> {
            if (tick != null) {
                tick.cancel(false);
            }
        });
    }
}
