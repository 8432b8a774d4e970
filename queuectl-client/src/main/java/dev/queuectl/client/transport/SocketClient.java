package dev.queuectl.client.transport;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.UnixSocketPath;
import dev.queuectl.protocol.request.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A blocking JSON-lines connection to queuectld over its Unix socket, using only the JDK.
 * Connection problems become a one-line {@link CommandFailure} (exit status 5) that says what
 * is true of the path (nothing there, a stale socket, not a socket at all) and how to start the
 * daemon. Every blocking call runs under the {@link Deadlines}: a daemon that is stopped or hung
 * ends the command with exit status 5 instead of hanging it. Commands connect on their first
 * request ({@link #onFirstRequest}). Not thread-safe: one command, one connection.
 */
public final class SocketClient implements AutoCloseable {
    private final Path path;
    private final Deadlines deadlines;
    private SocketChannel channel;
    private Watchdog watchdog;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[65536];
    private int bufferStart;
    private int bufferEnd;
    /** An answer that arrived before the request could be written (a refused connection's). */
    private byte[] early;

    private SocketClient(Path path, Deadlines deadlines) {
        this.path = path;
        this.deadlines = deadlines;
    }

    /** Connects now, with the default deadlines. */
    public static SocketClient connect(Path path) {
        SocketClient c = new SocketClient(path, Deadlines.DEFAULT);
        c.connected();
        return c;
    }

    /**
     * A client that connects when it sends its first request, so that a command checks all of
     * its arguments first: bad input is a usage error whether or not the daemon runs.
     */
    public static SocketClient onFirstRequest(Path path, Deadlines deadlines) {
        return new SocketClient(path, deadlines);
    }

    private void connected() {
        if (channel != null) {
            return;
        }
        String unusable = UnixSocketPath.unusable(path.toString());
        if (unusable != null) {
            throw CommandFailure.usage(unusable + " (check --socket / QUEUECTL_SOCKET)");
        }
        SocketChannel ch = null;
        Watchdog dog = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            dog = new Watchdog(path, deadlines, ch);
            dog.start();
            dog.arm(deadlines.connect().toNanos(), "queuectld at " + path + " did not accept the connection within "
                    + Durations.text(deadlines.connect()) + " (is it stopped, e.g. with kill -STOP, or overloaded?)",
                    false);
            ch.connect(UnixDomainSocketAddress.of(path));
            dog.disarm();
        } catch (IOException e) {
            String verdict = dog == null ? null : dog.verdict();
            closeQuietly(ch);
            if (dog != null) {
                dog.shutdown();
            }
            throw verdict != null ? CommandFailure.unavailable(verdict) : unavailable(path, e);
        }
        channel = ch;
        watchdog = dog;
        in = Channels.newInputStream(ch);
        out = Channels.newOutputStream(ch);
    }

    private static CommandFailure unavailable(Path path, IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String how = " — start it with `queuectld --detach` or `systemctl start queuectld`"
                + " (or point --socket / QUEUECTL_SOCKET at its socket)";
        if (e instanceof AccessDeniedException || msg.contains("Permission denied")) {
            return CommandFailure.unavailable("permission denied on " + path
                    + ": the socket belongs to another user (use that user, or the daemon's socket-group)");
        }
        if (!Files.exists(path)) {
            return CommandFailure.unavailable("queuectld is not running at " + path + how);
        }
        String kind = UnixSocketPath.kind(path, true);
        if (kind != null && !kind.equals("a socket")) {
            return CommandFailure.unavailable(path + " is " + kind + ", not a socket, so no queuectld listens there"
                    + " (point --socket / QUEUECTL_SOCKET at the daemon's socket)");
        }
        if (msg.contains("Connection refused")) {
            return CommandFailure.unavailable("queuectld is not running at " + path
                    + " (the socket file is stale: left by a daemon that is gone)" + how);
        }
        return CommandFailure.unavailable("cannot reach queuectld at " + path + ": " + msg);
    }

    public Path path() {
        return path;
    }

    /** Sends one ordinary request and waits for its answer, at most the reply deadline. */
    public Codec.Response call(Request request) {
        return call(request, deadlines.reply());
    }

    /**
     * Sends one request and waits for its answer for at most {@code limit}; null means a request
     * that waits on purpose (wait, drain, ...): no limit, but the daemon's liveness is checked.
     */
    public Codec.Response call(Request request, Duration limit) {
        send(request, limit);
        return receive(limit);
    }

    /** Writes one request line without waiting for its answer. */
    public void send(Request request) {
        send(request, deadlines.reply());
    }

    private void send(Request request, Duration limit) {
        byte[] line = Codec.line(Codec.encodeRequest(request, null));
        connected();
        arm(limit);
        try {
            out.write(line);
        } catch (IOException e) {
            String verdict = watchdog.verdict();
            if (verdict != null) {
                throw CommandFailure.unavailable(verdict);
            }
            // The daemon may have refused the connection with one error line and closed it before
            // the request got through: that line says why, which beats "broken pipe".
            try {
                early = readLine();
            } catch (CommandFailure noAnswer) {
                throw lost(e);
            }
        } finally {
            watchdog.disarm();
        }
    }

    /** Reads the next answer line, waiting at most the reply deadline. */
    public Codec.Response receive() {
        return receive(deadlines.reply());
    }

    private Codec.Response receive(Duration limit) {
        byte[] line;
        if (early != null) {
            line = early;
            early = null;
        } else {
            connected();
            arm(limit);
            try {
                line = readLine();
            } finally {
                watchdog.disarm();
            }
        }
        return Codec.decodeResponse(line, 0, line.length);
    }

    private void arm(Duration limit) {
        if (limit == null) {
            watchdog.arm(-1, null, true);
        } else {
            watchdog.arm(limit.toNanos(), "queuectld at " + path + " took the request but did not answer within "
                    + Durations.text(limit) + " (it still answers status checks; its log may say what it is doing)", true);
        }
    }

    private byte[] readLine() {
        ByteArrayOutputStream acc = null;
        try {
            while (true) {
                for (int i = bufferStart; i < bufferEnd; i++) {
                    if (buffer[i] == '\n') {
                        byte[] line;
                        if (acc == null) {
                            line = java.util.Arrays.copyOfRange(buffer, bufferStart, i);
                        } else {
                            acc.write(buffer, bufferStart, i - bufferStart);
                            line = acc.toByteArray();
                        }
                        bufferStart = i + 1;
                        return line;
                    }
                }
                if (bufferEnd > bufferStart) {
                    if (acc == null) {
                        acc = new ByteArrayOutputStream(bufferEnd - bufferStart);
                    }
                    acc.write(buffer, bufferStart, bufferEnd - bufferStart);
                }
                bufferStart = 0;
                bufferEnd = in.read(buffer);
                if (bufferEnd < 0) {
                    bufferEnd = 0;
                    throw CommandFailure.unavailable(
                            "queuectld closed the connection before answering (is it shutting down?)");
                }
            }
        } catch (IOException e) {
            String verdict = watchdog.verdict();
            throw verdict != null ? CommandFailure.unavailable(verdict) : lost(e);
        }
    }

    private CommandFailure lost(IOException e) {
        return CommandFailure.unavailable("lost the connection to queuectld at " + path + ": " + e.getMessage());
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.shutdown();
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
