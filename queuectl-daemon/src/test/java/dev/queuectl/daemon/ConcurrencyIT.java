package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Eight clients enqueue while the pool is resized up and down and switched off and on: every
 * job runs exactly once.
 */
class ConcurrencyIT {
    @Test
    void everyJobRunsExactlyOnceWhileThePoolIsResizedAndToggled() throws Exception {
        int jobs = Figures.size(5_000, 50_000);
        int clients = 8;
        try (TestDaemon d = TestDaemon.start()) {
            Path out = d.root.resolve("ran");
            try (RawClient c = d.connect()) {
                Jobs.config(c, "workers", 8);
            }
            AtomicBoolean enqueueing = new AtomicBoolean(true);
            AtomicInteger resizes = new AtomicInteger();
            AtomicInteger toggles = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
            Future<?> chaos = pool.submit(() -> {
                Random random = new Random(7);
                try (RawClient c = d.connect()) {
                    while (enqueueing.get() || Jobs.count(c, "completed") < jobs) {
                        if (random.nextBoolean()) {
                            Jobs.config(c, "workers", 1 + random.nextInt(8));
                            resizes.incrementAndGet();
                        } else {
                            c.ok("{\"op\":\"worker_stop\"}");
                            c.ok("{\"op\":\"worker_start\"" + (random.nextBoolean() ? ",\"count\":" + (1 + random.nextInt(8)) : "")
                                    + "}");
                            toggles.incrementAndGet();
                        }
                    }
                    c.ok("{\"op\":\"worker_start\"}");
                }
                return null;
            });
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int client = t;
                producers.add(pool.submit(() -> {
                    try (RawClient c = d.connect()) {
                        for (int i = client; i < jobs; i += clients) {
                            c.ok("{\"op\":\"enqueue\",\"id\":\"k" + i + "\",\"command\":"
                                    + json("echo $QUEUECTL_JOB_ID >> " + out) + "}");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : producers) {
                f.get();
            }
            enqueueing.set(false);
            try (RawClient c = d.connect()) {
                await().atMost(Duration.ofMinutes(5)).until(() -> {
                    if (chaos.isDone()) {
                        chaos.get(); // surface a failure in the chaos thread
                    }
                    return Jobs.count(c, "completed") == jobs;
                });
            }
            chaos.get();
            pool.shutdown();
            Map<String, Integer> ran = new HashMap<>();
            for (String line : Files.readAllLines(out)) {
                ran.merge(line.strip(), 1, Integer::sum);
            }
            for (int i = 0; i < jobs; i++) {
                int n = ran.getOrDefault("k" + i, 0);
                assertEquals(1, n, "k" + i + " ran " + n + " times");
            }
            assertEquals(jobs, ran.size());
            Figures.report("concurrency", jobs + " jobs from " + clients + " clients, " + resizes.get()
                    + " pool resizes, " + toggles.get() + " worker stop/start toggles; every job ran exactly once");
        }
    }
}
