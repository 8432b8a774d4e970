package dev.queuectl.daemon;

import dev.queuectl.protocol.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A protocol client made of nothing but a JDK Unix socket and JSON lines, like a script using
 * socat would be. Used to test the wire protocol without any client-module code.
 */
final class RawClient implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;

    RawClient(Path socket) {
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            in = Channels.newInputStream(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sendRaw(byte[] bytes) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(String line) {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one response line, or null at end of stream. */
    String readLine() {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return b.toString(StandardCharsets.UTF_8);
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> response() {
        String line = readLine();
        if (line == null) {
            throw new AssertionError("the daemon closed the connection");
        }
        return (Map<String, Object>) Json.parse(line);
    }

    /** Sends one request line and returns the parsed response. */
    Map<String, Object> call(String line) {
        send(line);
        return response();
    }

    /** The result of a successful call; fails the test on an error response. */
    @SuppressWarnings("unchecked")
    Map<String, Object> ok(String line) {
        Map<String, Object> r = call(line);
        if (!Boolean.TRUE.equals(r.get("ok"))) {
            throw new AssertionError("expected success for " + line + " but got " + r);
        }
        return (Map<String, Object>) r.get("result");
    }

    /** The error code of a refused call; fails the test if it succeeded. */
    @SuppressWarnings("unchecked")
    static String errorCode(Map<String, Object> response) {
        if (!Boolean.FALSE.equals(response.get("ok"))) {
            throw new AssertionError("expected an error but got " + response);
        }
        return (String) ((Map<String, Object>) response.get("error")).get("code");
    }

    @SuppressWarnings("unchecked")
    static String errorMessage(Map<String, Object> response) {
        return (String) ((Map<String, Object>) response.get("error")).get("message");
    }

    void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
