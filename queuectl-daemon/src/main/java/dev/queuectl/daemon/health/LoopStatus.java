package dev.queuectl.daemon.health;

import java.time.Instant;

/**
 * A snapshot of one loop for {@code status}.
 *
 * @param alive     whether the loop will take its next turn (its thread or timer task still exists)
 * @param lastTurn  when its last turn ended, successfully or not; null before the first
 * @param busySince when the turn in progress began; null while it waits for work
 * @param errors    unexpected failures it survived since the daemon started
 * @param lastError the latest of them, in one line; null if none
 */
public record LoopStatus(String name, boolean alive, Instant lastTurn, Instant busySince, long errors,
                         String lastError) {
}
