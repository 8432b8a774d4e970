package dev.queuectl.daemon.service;

import java.nio.file.Path;
import java.time.Instant;

/** Facts about the running daemon that {@code status} reports; {@code node} is its stable node id. */
public record DaemonIdentity(String version, String node, long pid, Instant startedAt, Path socket, Path dataDir,
                             String store) {
}
