package dev.queuectl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open dashboard, as the overview page behaves: it holds the live event stream and reads
 * every event, and when jobs change it asks for the oldest waiting job, at most every two
 * seconds. Runs on its own thread until closed.
 */
final class DashboardClient implements AutoCloseable {
    private final Socket socket;
    private final Thread thread;
    private final HttpProbe http;
    final CountDownLatch connected = new CountDownLatch(1);
    final AtomicLong events = new AtomicLong();
    final AtomicLong fetches = new AtomicLong();
    private volatile boolean closed;

    DashboardClient(int port, String token, int n) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        this.http = new HttpProbe(port, token);
        socket.getOutputStream().write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        this.thread = new Thread(this::read, "dashboard-" + n);
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        long lastFetch = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("event: ")) {
                    continue;
                }
                events.incrementAndGet();
                connected.countDown();
                if (line.equals("event: jobs") && System.nanoTime() - lastFetch > 2_000_000_000L) {
                    lastFetch = System.nanoTime();
                    http.get("/api/v1/jobs?state=pending&limit=1");
                    fetches.incrementAndGet();
                }
            }
        } catch (IOException | InterruptedException e) {
            if (!closed) {
                BenchContext.progress("a dashboard's stream ended: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }
}
