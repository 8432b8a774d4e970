package dev.queuectl.client.transport;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.protocol.Codec;
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

/**
 * A blocking JSON-lines connection to queuectld over its Unix socket, using only the JDK.
 * Connection problems become a one-line {@link CommandFailure} (exit status 5) that says how
 * to start the daemon. Not thread-safe: one command, one connection.
 */
public final class SocketClient implements AutoCloseable {
    private final Path path;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[65536];
    private int bufferStart;
    private int bufferEnd;
    /** An answer that arrived before the request could be written (a refused connection's). */
    private byte[] early;

    private SocketClient(Path path, SocketChannel channel) {
        this.path = path;
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    public static SocketClient connect(Path path) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(path));
            return new SocketClient(path, ch);
        } catch (IOException e) {
            closeQuietly(ch);
            throw unavailable(path, e);
        }
    }

    private static CommandFailure unavailable(Path path, IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof AccessDeniedException || msg.contains("Permission denied")) {
            return new CommandFailure(ExitCodes.UNAVAILABLE, "permission denied on " + path
                    + ": the socket belongs to another user (use that user, or the daemon's socket-group)");
        }
        String how = " — start it with `queuectld --detach` or `systemctl start queuectld`"
                + " (or point --socket / QUEUECTL_SOCKET at its socket)";
        if (!Files.exists(path)) {
            return new CommandFailure(ExitCodes.UNAVAILABLE, "queuectld is not running at " + path + how);
        }
        if (msg.contains("Connection refused")) {
            return new CommandFailure(ExitCodes.UNAVAILABLE, "queuectld is not running at " + path
                    + " (the socket file is stale)" + how);
        }
        return new CommandFailure(ExitCodes.UNAVAILABLE, "cannot reach queuectld at " + path + ": " + msg);
    }

    public Path path() {
        return path;
    }

    /** Sends one request and waits for its answer. */
    public Codec.Response call(Request request) {
        send(request);
        return receive();
    }

    /** Writes one request line without waiting. */
    public void send(Request request) {
        byte[] line = Codec.line(Codec.encodeRequest(request, null));
        try {
            out.write(line);
        } catch (IOException e) {
            // The daemon may have refused the connection with one error line and closed it before
            // the request got through: that line says why, which beats "broken pipe".
            try {
                early = readLine();
            } catch (CommandFailure noAnswer) {
                throw lost(e);
            }
        }
    }

    /** Reads the next answer line. */
    public Codec.Response receive() {
        byte[] line = early != null ? early : readLine();
        early = null;
        return Codec.decodeResponse(line, 0, line.length);
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
                    throw new CommandFailure(ExitCodes.UNAVAILABLE,
                            "queuectld closed the connection before answering (is it shutting down?)");
                }
            }
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private CommandFailure lost(IOException e) {
        return new CommandFailure(ExitCodes.UNAVAILABLE, "lost the connection to queuectld at " + path + ": "
                + e.getMessage());
    }

    @Override
    public void close() {
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
