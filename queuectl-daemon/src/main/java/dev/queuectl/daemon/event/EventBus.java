package dev.queuectl.daemon.event;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's one in-process event stream. Publishers call {@link #publish} after the change is
 * committed; every subscriber hears every event, in publication order per publishing thread,
 * on the publisher's thread. Subscribers must be quick and must not block (hand work to an
 * executor); one that throws is logged and the others still hear the event. Thread-safe.
 */
public final class EventBus {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final List<Consumer<JobEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Adds a subscriber; returns a handle that removes it again. */
    public Subscription subscribe(Consumer<JobEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(JobEvent event) {
        for (Consumer<JobEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                log.error("an event subscriber failed on {}; the others carry on", event.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * A future completed by the next event that matches, from now on. Subscribe before looking
     * at the state the event would change, so that no event falls between the look and the wait;
     * cancelling the future unsubscribes.
     */
    public CompletableFuture<JobEvent> next(Predicate<JobEvent> matches) {
        CompletableFuture<JobEvent> f = new CompletableFuture<>();
        Subscription[] holder = new Subscription[1];
        Consumer<JobEvent> s = e -> {
            if (!f.isDone() && matches.test(e)) {
                f.complete(e);
            }
        };
        holder[0] = subscribe(s);
        f.whenComplete((e, error) -> holder[0].cancel());
        return f;
    }

    /** Removes a subscriber. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }
}
