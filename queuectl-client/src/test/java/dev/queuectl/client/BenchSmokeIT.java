package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmark's smoke run ({@code bench/run --quick}): every figure is measured end to end
 * with tiny sizes. Figures are not checked against their targets here; the benchmark reports
 * them, and timings on a busy test machine say little.
 */
class BenchSmokeIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();

    private static final Path ROOT = Path.of(System.getProperty("queuectl.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyFigureIsMeasured() throws Exception {
        Path tmp = temp.path();
        Path report = tmp.resolve("report.md");
        Path log = tmp.resolve("bench.log");
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bench/run").toString(), "--quick",
                "--report", report.toString()).directory(new File("/")).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "bench/run --quick finished");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertEquals(0, p.exitValue(), output);

        String table = Files.readString(report, StandardCharsets.UTF_8);
        for (String figure : new String[] {"1. run throughput, W=2", "1. run throughput, W=4", "2a. durable enqueue",
            "2b. durable enqueue", "3a. concurrent single enqueues", "4a. dispatch latency p50", "5a. status",
            "5b. list", "5c. show", "5d. claim", "5e. daemon RSS idle", "5f. daemon RSS", "6. client round trip",
            "7a. bulk cancel by filter", "7b. bulk cancel by filter", "9a. PostgreSQL durable enqueue",
            "9b. run throughput, 1 PostgreSQL daemon", "9c. run throughput, 2 PostgreSQL", "9d. database transactions per job run",
            "9e. claim transaction on"}) {
            assertTrue(table.contains("| " + figure), figure + " is in the report:\n" + table);
        }
        assertFalse(table.contains("error:"), table);
    }
}
