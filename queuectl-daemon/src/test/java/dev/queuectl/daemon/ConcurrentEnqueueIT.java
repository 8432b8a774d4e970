package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients enqueueing at once: every request acknowledged, every job stored exactly once. */
class ConcurrentEnqueueIT {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    @Test
    void eightClientsTimesFiveHundredEnqueuesAreStoredExactlyOnce() throws Exception {
        try (TestDaemon d = TestDaemon.start()) {
            try (RawClient c = d.connect()) {
                c.ok("{\"op\":\"worker_stop\"}"); // a store test: the jobs need not run
            }
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    try (RawClient c = d.connect()) {
                        for (int i = 0; i < PER_THREAD; i++) {
                            // Half name their job, half let the daemon number it.
                            String line = i % 2 == 0
                                    ? "{\"op\":\"enqueue\",\"id\":\"t" + thread + "-" + i + "\",\"command\":\"echo " + i + "\"}"
                                    : "{\"op\":\"enqueue\",\"command\":\"echo " + i + "\"}";
                            String id = (String) c.ok(line).get("id");
                            if (!acknowledged.add(id)) {
                                throw new AssertionError("id acknowledged twice: " + id);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertEquals(THREADS * PER_THREAD, acknowledged.size());

            try (RawClient c = d.connect()) {
                Map<String, Object> list = c.ok("{\"op\":\"list\",\"limit\":10000}");
                assertEquals((long) THREADS * PER_THREAD, list.get("total"));
                Set<String> stored = new HashSet<>();
                for (Object o : (List<?>) list.get("jobs")) {
                    String id = (String) ((Map<?, ?>) o).get("id");
                    if (!stored.add(id)) {
                        throw new AssertionError("stored twice: " + id);
                    }
                }
                assertEquals(acknowledged, stored);
                assertEquals((long) THREADS * PER_THREAD,
                        ((Map<?, ?>) c.ok("{\"op\":\"status\"}").get("jobs")).get("pending"));
            }
        }
    }
}
