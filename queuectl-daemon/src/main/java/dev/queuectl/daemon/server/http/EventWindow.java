package dev.queuectl.daemon.server.http;

import java.util.ArrayDeque;

/**
 * The last {@code size} numbered {@code jobs} messages, for clients that reconnect with a
 * {@code Last-Event-ID}. Confined to the hub's tick thread.
 */
final class EventWindow {
    private final ArrayDeque<SseMessage> messages = new ArrayDeque<>();
    private final int size;
    /** The highest sequence number no longer in the window. */
    private long evictedUpTo;

    EventWindow(int size) {
        this.size = size;
    }

    void add(SseMessage m) {
        if (messages.size() == size) {
            evictedUpTo = messages.poll().seq();
        }
        messages.add(m);
    }

    /**
     * Sends {@code s} every kept message after {@code lastEventId} ({@code current} is the newest
     * sequence number handed out); returns null when that resumed
     * the stream, else why the client must start over (then nothing was sent).
     */
    String replay(String epoch, long current, String lastEventId, EventSubscriber s) {
        int dot = lastEventId.indexOf('.');
        if (dot < 0 || !lastEventId.substring(0, dot).equals(epoch)) {
            return "the daemon restarted since the last event this client saw";
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.substring(dot + 1));
        } catch (NumberFormatException e) {
            return "not an event id of this daemon";
        }
        if (last < evictedUpTo) {
            return "the client is too far behind to resume";
        }
        if (last > current) {
            return "not an event id of this daemon";
        }
        for (SseMessage m : messages) {
            if (m.seq() > last) {
                s.send(m.bytes());
            }
        }
        return null;
    }
}
