package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time values out of range are refused where they enter the daemon, as INVALID_ARGUMENT naming
 * the field and its range, so no later arithmetic (the dispatcher's timer, a deadline) can
 * overflow on them; jobs keep running afterwards.
 */
class TimeFieldsIT {
    private static TestDaemon daemon;

    @BeforeAll
    static void start() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"op\":\"enqueue\",\"id\":\"far\",\"command\":\"true\",\"run_at\":\"2400-01-01T00:00:00Z\"}|field 'run_at' must be from 1970-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z",
        "{\"op\":\"enqueue\",\"id\":\"huge\",\"command\":\"true\",\"run_at\":\"+300000000-01-01T00:00:00Z\"}|field 'run_at' must be from",
        "{\"op\":\"enqueue\",\"id\":\"past\",\"command\":\"true\",\"run_at\":\"-300000000-01-01T00:00:00Z\"}|field 'run_at' must be from",
        "{\"op\":\"enqueue\",\"id\":\"late\",\"command\":\"true\",\"delay\":\"99999d\"}|field 'delay'",
        "{\"op\":\"enqueue\",\"id\":\"limit\",\"command\":\"true\",\"timeout\":\"400000d\"}|field 'timeout': '400000d' is longer than 36500d, the longest duration queuectl accepts; expected a duration from 1ms to 30d",
        "{\"op\":\"enqueue_batch\",\"jobs\":[{\"command\":\"true\",\"run_at\":\"9999-12-31T23:59:59Z\"}]}|jobs[0]: field 'run_at'",
        "{\"op\":\"wait\",\"id\":\"x\",\"timeout\":\"99999999d\"}|field 'timeout'",
        "{\"op\":\"drain\",\"timeout\":\"2d\"}|field 'timeout' must be from 0 to 1d",
        "{\"op\":\"prune\",\"dead\":true,\"older_than\":\"99999d\"}|expected a duration from 0 to 3650d",
        "{\"op\":\"config_set\",\"key\":\"job_timeout\",\"value\":\"0\"}|write none",
        "{\"op\":\"config_set\",\"key\":\"keep_dead\",\"value\":\"99999999999999999d\"}|keep_dead",
    })
    void outOfRangeTimesAreInvalidArgumentsAndTheQueueKeepsRunning(String line, String expected) {
        try (RawClient c = daemon.connect()) {
            Map<String, Object> refused = c.call(line);
            assertEquals("INVALID_ARGUMENT", RawClient.errorCode(refused), refused.toString());
            assertTrue(RawClient.errorMessage(refused).contains(expected), RawClient.errorMessage(refused));
            String id = (String) c.ok("{\"op\":\"enqueue\",\"command\":\"true\"}").get("id");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "completed".equals(c.ok("{\"op\":\"show\",\"id\":\"" + id + "\"}").get("state")));
        }
    }

    @Test
    void theEdgesOfTheRangesAreAccepted() {
        try (RawClient c = daemon.connect()) {
            Map<String, Object> late = c.ok("{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"2199-12-31T23:59:59.999Z\"}");
            assertEquals("2199-12-31T23:59:59.999Z", late.get("run_at"));
            Map<String, Object> early = c.ok("{\"op\":\"enqueue\",\"command\":\"true\",\"run_at\":\"1970-01-01T00:00:00Z\"}");
            String id = (String) early.get("id");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "completed".equals(c.ok("{\"op\":\"show\",\"id\":\"" + id + "\"}").get("state")));
            c.ok("{\"op\":\"cancel\",\"id\":\"" + late.get("id") + "\"}");
        }
    }
}
