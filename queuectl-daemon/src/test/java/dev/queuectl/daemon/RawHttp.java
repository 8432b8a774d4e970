package dev.queuectl.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP by hand over a plain socket, for what a well-behaved client library will not send: a
 * foreign Host header, an oversized request line or headers, a body that never ends.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line), then {@code body}; returns the status. */
    static int status(int port, String head, byte[] body) {
        String answer = exchange(port, head, body);
        if (!answer.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("not an HTTP answer: " + answer);
        }
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** The whole answer as text, read until the server closes or 10 s pass. */
    static String exchange(int port, String head, byte[] body) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may stop reading and close early: its answer is what counts
                }
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                    if (complete(got.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what arrived is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean complete(String s) {
        int end = s.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String lower = s.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int i = lower.indexOf("content-length:");
        if (i < 0) {
            return false;
        }
        int eol = lower.indexOf("\r\n", i);
        int length = Integer.parseInt(lower.substring(i + 15, eol < 0 ? lower.length() : eol).trim());
        return s.length() - end - 4 >= length;
    }
}
