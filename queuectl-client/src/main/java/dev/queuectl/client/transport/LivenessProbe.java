package dev.queuectl.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Checks, on a connection of its own, whether queuectld still answers: sends {@code status} and
 * waits for any answer line. Used only while a request has gone unanswered for a while, so its
 * cost is off the normal path. Runs on its own thread so that {@link #check} can give up on a
 * daemon that accepted the connection but never answers (stopped with SIGSTOP, hung).
 */
final class LivenessProbe extends Thread {
    /** What a check found. */
    enum Outcome {
        /** An answer line came back: the daemon is alive. */
        ANSWERED,
        /** Nothing listens (gone or closing): the pending request's connection will tell the rest. */
        REFUSED,
        /** The daemon took the connection or the request but did not answer in time. */
        SILENT
    }

    private static final byte[] STATUS = "{\"op\":\"status\"}\n".getBytes(StandardCharsets.UTF_8);

    private final Path path;
    private volatile SocketChannel channel;
    private volatile Outcome outcome;
    private volatile boolean aborted;

    private LivenessProbe(Path path) {
        super("queuectl-liveness");
        setDaemon(true);
        this.path = path;
    }

    /** Runs one check, waiting at most {@code timeoutNanos}. */
    static Outcome check(Path path, long timeoutNanos) {
        LivenessProbe p = new LivenessProbe(path);
        p.start();
        try {
            p.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Outcome o = p.outcome;
        if (o == null) {
            p.abort();
            return Outcome.SILENT;
        }
        return o;
    }

    private void abort() {
        aborted = true;
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }

    @Override
    public void run() {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel = ch;
            if (aborted) {
                return;
            }
            ch.connect(UnixDomainSocketAddress.of(path));
            ch.write(ByteBuffer.wrap(STATUS));
            InputStream in = Channels.newInputStream(ch);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    outcome = Outcome.ANSWERED;
                    return;
                }
            }
            outcome = Outcome.REFUSED;
        } catch (IOException e) {
            // Refused, reset or closed by the daemon: it is gone or going. Closed by abort(): silent.
            if (!aborted) {
                outcome = Outcome.REFUSED;
            }
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
