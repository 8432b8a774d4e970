package dev.queuectl.client.transport;

import dev.queuectl.protocol.Durations;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Puts deadlines on the blocking socket calls of one {@link SocketClient}. The JDK's Unix
 * socket channels have no read timeout, so while a call is armed this thread watches the clock:
 * when the call's deadline passes, or when a {@link LivenessProbe} finds that the daemon no
 * longer answers, it closes the channel, which ends the blocked call, and leaves a verdict that
 * says why. A thread rather than a selector: it costs less start-up on every call. The owner
 * thread arms and disarms; this thread only reads that state under the monitor.
 */
final class Watchdog extends Thread {
    private final Path path;
    private final Deadlines deadlines;
    private final Closeable channel;

    private boolean stopped;
    private boolean armed;
    /** Bumped on every arm and disarm, so a probe's result is never applied to a later call. */
    private long generation;
    private boolean hasDeadline;
    private long deadline;
    private String deadlineVerdict;
    private boolean probing;
    private long nextProbe;
    private String verdict;

    Watchdog(Path path, Deadlines deadlines, Closeable channel) {
        super("queuectl-deadline");
        setDaemon(true);
        this.path = path;
        this.deadlines = deadlines;
        this.channel = channel;
    }

    /**
     * Arms the watch for one blocking call: it ends after {@code limitNanos} (negative: no limit)
     * with {@code onDeadline} as the verdict, and, with {@code probe}, whenever the daemon stops
     * answering liveness checks.
     */
    synchronized void arm(long limitNanos, String onDeadline, boolean probe) {
        long now = System.nanoTime();
        generation++;
        armed = true;
        hasDeadline = limitNanos >= 0;
        deadline = now + Math.max(0, limitNanos);
        deadlineVerdict = onDeadline;
        probing = probe;
        nextProbe = now + deadlines.probeAfter().toNanos();
        notifyAll();
    }

    synchronized void disarm() {
        generation++;
        armed = false;
    }

    /** Why the channel was closed, or null if this watch did not close it. */
    synchronized String verdict() {
        return verdict;
    }

    void shutdown() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
    }

    @Override
    public void run() {
        while (true) {
            long probeGeneration;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                if (!armed) {
                    waitQuietly(0);
                    continue;
                }
                long now = System.nanoTime();
                if (hasDeadline && now - deadline >= 0) {
                    fire(deadlineVerdict);
                    continue;
                }
                if (!probing || now - nextProbe < 0) {
                    if (!probing && !hasDeadline) {
                        waitQuietly(0);
                    } else {
                        long until = !probing || hasDeadline && deadline - nextProbe < 0 ? deadline : nextProbe;
                        waitQuietly(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now)));
                    }
                    continue;
                }
                probeGeneration = generation;
            }
            LivenessProbe.Outcome outcome = LivenessProbe.check(path, deadlines.probeReply().toNanos());
            synchronized (this) {
                if (generation != probeGeneration || !armed) {
                    continue;
                }
                if (outcome == LivenessProbe.Outcome.SILENT) {
                    fire("queuectld at " + path + " stopped answering: a status check got no reply within "
                            + Durations.text(deadlines.probeReply())
                            + " (is it stopped, e.g. with kill -STOP, or hung? see its log)");
                } else {
                    // ANSWERED: alive, keep waiting. REFUSED: it is gone or going, and the pending
                    // call's own connection then ends with its answer or end-of-file.
                    nextProbe = System.nanoTime() + deadlines.probeAfter().toNanos();
                }
            }
        }
    }

    private void fire(String why) {
        verdict = why;
        armed = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the blocked call ends either way
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }
}
