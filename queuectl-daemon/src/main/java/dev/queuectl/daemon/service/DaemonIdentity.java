package dev.queuectl.daemon.service;

import java.nio.file.Path;
import java.time.Instant;

/** Facts about the running daemon that {@code status} reports. */
public record DaemonIdentity(String version, long pid, Instant startedAt, Path socket, Path dataDir) {
}
