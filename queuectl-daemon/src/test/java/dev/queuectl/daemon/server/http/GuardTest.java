package dev.queuectl.daemon.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GuardTest {
    @Test
    void anOriginIsTheSameOnlyWithTheSameHostAndPort() {
        assertTrue(Guard.sameOrigin("http://127.0.0.1:8765", "127.0.0.1:8765"));
        assertTrue(Guard.sameOrigin("http://LOCALHOST:9000", "localhost:9000"));
        assertTrue(Guard.sameOrigin("https://queue.example", "queue.example"));
        assertTrue(Guard.sameOrigin("http://[::1]:8765", "[::1]:8765"));
        assertFalse(Guard.sameOrigin("http://127.0.0.1:8766", "127.0.0.1:8765"));
        assertFalse(Guard.sameOrigin("http://evil.example", "127.0.0.1:8765"));
        assertFalse(Guard.sameOrigin("null", "127.0.0.1:8765"));
        assertFalse(Guard.sameOrigin("file:///tmp/x.html", "127.0.0.1:8765"));
        assertFalse(Guard.sameOrigin("http://127.0.0.1:8765", null));
        assertFalse(Guard.sameOrigin("http://127.0.0.1:8765 x", "127.0.0.1:8765"));
    }

    @Test
    void onlyLoopbackNamesAreAcceptedUnlessRemoteAccessIsOn() {
        assertNull(Guard.hostProblem("127.0.0.1:8765", false));
        assertNull(Guard.hostProblem("127.3.4.5", false));
        assertNull(Guard.hostProblem("localhost:1", false));
        assertNull(Guard.hostProblem("[::1]:8765", false));
        assertTrue(Guard.hostProblem("evil.example:8765", false).contains("loopback names only"));
        assertTrue(Guard.hostProblem("127.0.0.1.evil.example", false) != null);
        assertTrue(Guard.hostProblem("[::2]:80", false) != null);
        assertNull(Guard.hostProblem("queue.example", true));
        assertEquals("the request has no Host header", Guard.hostProblem(" ", true));
    }
}
