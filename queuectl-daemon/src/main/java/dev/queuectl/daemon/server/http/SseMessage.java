package dev.queuectl.daemon.server.http;

import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.json.JsonWritable;
import java.nio.charset.StandardCharsets;

/**
 * One server-sent event, encoded once and written to every subscriber as is:
 * {@code id:} (when it has one), {@code event:} and one {@code data:} line of JSON (JSON never
 * holds a raw newline, so one line always suffices).
 */
record SseMessage(long seq, String event, byte[] bytes) {
    static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] RETRY = "retry: 3000\n\n".getBytes(StandardCharsets.US_ASCII);

    /** An event with an id ({@code epoch.seq}) that Last-Event-ID can resume from. */
    static SseMessage of(String epoch, long seq, String event, Object data) {
        return new SseMessage(seq, event, encode(epoch + "." + seq, event, data));
    }

    /** An event without an id: it does not move the client's Last-Event-ID. */
    static SseMessage unnumbered(String event, Object data) {
        return new SseMessage(-1, event, encode(null, event, data));
    }

    private static byte[] encode(String id, String event, Object data) {
        Object value = data instanceof JsonWritable ? ((JsonWritable) data).toJson() : data;
        byte[] json = Json.toBytes(value);
        StringBuilder head = new StringBuilder(48);
        if (id != null) {
            head.append("id: ").append(id).append('\n');
        }
        head.append("event: ").append(event).append("\ndata: ");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + json.length + 2];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(json, 0, out, h.length, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }
}
