package dev.queuectl.daemon.store;

import java.time.Instant;

/**
 * A daemon sharing the store, as the store last saw it.
 *
 * @param leaseUntil when its lease ends (the store's clock), null for a store only one daemon uses
 * @param alive      its lease has not expired and it has not left
 * @param left       it left the cluster cleanly (drained)
 * @param workers    its pool size; {@code busy} its runs in progress, as it last reported them
 */
public record NodeInfo(String id, String host, long pid, String version, Instant startedAt, Instant leaseUntil,
                       boolean alive, boolean left, int workers, int busy) {
}
