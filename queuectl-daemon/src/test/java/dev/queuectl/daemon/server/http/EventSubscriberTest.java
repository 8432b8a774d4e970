package dev.queuectl.daemon.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stream whose client stops reading: messages are skipped, not queued, and a reset follows. */
class EventSubscriberTest {
    private static String read(EmbeddedChannel ch) {
        HttpContent c = ch.readOutbound();
        if (c == null) {
            return null;
        }
        try {
            return c.content().toString(StandardCharsets.UTF_8);
        } finally {
            c.release();
        }
    }

    @Test
    void messagesAreSkippedWhileTheClientIsBehindAndAResetTellsItSo() {
        EmbeddedChannel ch = new EmbeddedChannel();
        EventSubscriber s = new EventSubscriber(ch, null, null, 0);
        byte[] one = SseMessage.of("e", 1, "jobs", Map.of("n", 1)).bytes();
        byte[] two = SseMessage.of("e", 2, "jobs", Map.of("n", 2)).bytes();
        assertTrue(s.send(one));
        assertTrue(read(ch).startsWith("id: e.1\nevent: jobs\n"));

        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        assertFalse(s.send(two), "skipped while the client does not read");
        assertNull(read(ch));
        assertTrue(s.behindNanos(System.nanoTime()) >= 0);

        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        assertTrue(s.send(one));
        assertTrue(read(ch).startsWith("event: reset\n"), "told it missed something");
        assertTrue(read(ch).startsWith("id: e.1\n"));
        assertEquals(0, s.behindNanos(System.nanoTime()));
        ch.finishAndReleaseAll();
    }

    @Test
    void anEventIsOneDataLineOfJsonWhateverItHolds() {
        String text = new String(SseMessage.unnumbered("log", Map.of("data", "a\nb\r\n<c>\u2028")).bytes(),
                StandardCharsets.UTF_8);
        assertEquals(3, text.split("\n", -1).length - 1, "event, data, and the blank line: " + text);
        assertTrue(text.startsWith("event: log\ndata: {"));
        assertTrue(text.endsWith("}\n\n"));
    }
}
