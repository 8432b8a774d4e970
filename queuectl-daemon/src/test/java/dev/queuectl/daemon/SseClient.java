package dev.queuectl.daemon;

import dev.queuectl.protocol.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server-sent events client over a plain socket, as small as a browser's EventSource: it sends
 * the request, decodes the chunked answer and hands out events one at a time. Comments
 * (heartbeats) are counted. Confined to one thread.
 */
final class SseClient implements AutoCloseable {
    /** One event: its id (null when it had none), type and data. */
    record Event(String id, String event, String data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(data);
        }
    }

    private final Socket socket;
    private final InputStream in;
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    String errorBody;
    int comments;
    private final StringBuilder pending = new StringBuilder();
    private long chunkLeft = -1;

    /** Connects; {@code receiveBuffer} > 0 makes the socket's buffer small (a slow client fills it fast). */
    SseClient(int port, String token, String query, String lastEventId, int receiveBuffer) {
        try {
            socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder("GET /api/v1/events" + (query == null ? "" : "?" + query)
                    + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n");
            if (token != null) {
                req.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (lastEventId != null) {
                req.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
            }
            socket.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            in = socket.getInputStream();
            String statusLine = line();
            status = Integer.parseInt(statusLine.substring(9, 12));
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), h.substring(colon + 1).trim());
            }
            if (status != 200 && headers.containsKey("content-length")) {
                errorBody = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SseClient(int port, String token, String query) {
        this(port, token, query, null, 0);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("the stream ended");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** The next event within {@code timeout}, or null. */
    Event next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = parse();
            if (e != null) {
                return e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                if (!readChunk()) {
                    return null;
                }
            } catch (SocketTimeoutException ex) {
                return null;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** The next event of this type within {@code timeout} (others are skipped), or null. */
    Event next(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e != null && e.event().equals(type)) {
                return e;
            }
        }
        return null;
    }

    /** Every event that arrives within {@code window}. */
    List<Event> during(Duration window) {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** Reads some of the chunked body into {@link #pending}; false at its end. */
    private boolean readChunk() throws IOException {
        if (chunkLeft <= 0) {
            if (chunkLeft == 0) {
                line(); // the CRLF after a chunk
            }
            String size = line().trim();
            chunkLeft = Long.parseLong(size, 16);
            if (chunkLeft == 0) {
                return false;
            }
        }
        byte[] buf = new byte[(int) Math.min(chunkLeft, 8192)];
        int n = in.read(buf);
        if (n < 0) {
            return false;
        }
        chunkLeft -= n;
        pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        return true;
    }

    private Event parse() {
        int end = pending.indexOf("\n\n");
        while (end >= 0) {
            String block = pending.substring(0, end);
            pending.delete(0, end + 2);
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            boolean any = false;
            for (String l : block.split("\n")) {
                if (l.startsWith(":")) {
                    comments++;
                } else if (l.startsWith("id: ")) {
                    id = l.substring(4);
                } else if (l.startsWith("event: ")) {
                    event = l.substring(7);
                    any = true;
                } else if (l.startsWith("data: ")) {
                    data.append(l.substring(6));
                    any = true;
                }
            }
            if (any) {
                return new Event(id, event, data.toString());
            }
            end = pending.indexOf("\n\n");
        }
        return null;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
