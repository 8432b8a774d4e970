package dev.queuectl.daemon;

import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.engine.Engine;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.store.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the other daemons sharing the store say, turned into what this daemon does: the same
 * in-process events and engine calls as a local change would cause, so that the dispatcher,
 * waiters and the engine react to remote changes exactly as to local ones. Called on the
 * cluster's threads; every method returns at once.
 */
final class ClusterEvents implements Cluster.Listener {
    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    private final Engine engine;
    private final EventBus events;
    private final RuntimeSettings runtime;

    ClusterEvents(Engine engine, EventBus events, RuntimeSettings runtime) {
        this.engine = engine;
        this.events = events;
        this.runtime = runtime;
    }

    @Override
    public void wake() {
        engine.wake();
    }

    @Override
    public void finished(String id) {
        events.publish(new JobEvent.ChangedElsewhere(id));
    }

    @Override
    public void cancelRequested(String id) {
        log.info("job {}: cancel requested by another node", id);
        engine.cancel(id);
    }

    @Override
    public void configChanged() {
        runtime.reload().exceptionally(e -> {
            log.debug("could not read the cluster's settings: {}", e.getMessage());
            return null;
        });
    }

    @Override
    public void fenced(String why) {
        engine.fence(why);
    }

    @Override
    public void unfenced() {
        engine.unfence();
    }
}
