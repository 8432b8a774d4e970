package dev.queuectl.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One client connection to queuectld speaking the raw JSON-lines protocol over a Unix socket
 * (JDK only). One thread may send while another reads: the channel is used directly, never
 * through {@code Channels.newInputStream}, whose lock would serialise the two directions.
 */
final class WireConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16).flip();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private WireConnection(SocketChannel channel) {
        this.channel = channel;
    }

    static WireConnection open(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new WireConnection(ch);
    }

    /** Writes one request line ({@code json} must not contain a newline). */
    void send(String json) throws IOException {
        writeFully(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes bytes that already hold one or more complete request lines. */
    void sendRaw(byte[] lines) throws IOException {
        writeFully(ByteBuffer.wrap(lines));
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Blocks for the next response line, without its newline. */
    String readLine() throws IOException {
        line.reset();
        while (true) {
            while (in.hasRemaining()) {
                byte c = in.get();
                if (c == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(c);
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                throw new EOFException("queuectld closed the connection");
            }
        }
    }

    /** Sends one request and returns its {@code result}; a refusal becomes a {@link DaemonError}. */
    Object call(String json) throws IOException {
        send(json);
        return resultOf(readLine());
    }

    /** Like {@link #call} for ops whose result is an object. */
    Map<String, Object> callObject(String json) throws IOException {
        return Json.object(call(json), "result of " + Json.abbreviate(json));
    }

    /** The {@code result} of one response line, or a {@link DaemonError} if it says {@code ok:false}. */
    static Object resultOf(String responseLine) {
        Map<String, Object> response = Json.object(Json.parse(responseLine), "response");
        if (!Boolean.TRUE.equals(response.get("ok"))) {
            throw new DaemonError(Json.abbreviate(String.valueOf(response.get("error"))));
        }
        return response.get("result");
    }

    /** Cheap check for the pipelined figures, which read many thousands of answers. */
    static boolean isOk(String responseLine) {
        return responseLine.startsWith("{\"ok\":true");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The daemon answered {@code ok:false}. */
    static final class DaemonError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DaemonError(String error) {
            super("queuectld refused the request: " + error);
        }
    }
}
