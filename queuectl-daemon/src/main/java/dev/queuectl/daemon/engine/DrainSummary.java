package dev.queuectl.daemon.engine;

/** What a drain did: runs that finished while it waited, and runs it had to stop (they run again later). */
public record DrainSummary(int finished, int interrupted) {
}
