package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering the README's Architecture section describes, checked over the sources: which
 * package may use which (imports and fully qualified names alike), and the size of main files.
 * Direction: protocol ← job ← store ← engine ← service ← server; the domain and the store never
 * see wire types, configuration reaches the store only through {@code ConfigStore}.
 */
class ArchitectureTest {
    private static final Path DAEMON = Path.of("src/main/java/dev/queuectl/daemon");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.queuectl\\.((?:[a-z]+\\.)*[a-z]+)(?:\\.([A-Z]\\w*))?");
    private static final int MAX_LINES = 300;

    /** Every reference from a daemon source file to a project package (or type), by file. */
    private static Map<String, List<String>> references() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(DAEMON)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> refs = new ArrayList<>();
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        refs.add(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
                    }
                }
                out.put(DAEMON.relativize(f).toString(), refs);
            }
        }
        return out;
    }

    /** The files under {@code dir} (a path below the daemon package) that reference anything {@code forbidden} matches. */
    private static List<String> violations(String dir, Pattern forbidden) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : references().entrySet()) {
            if (!e.getKey().startsWith(dir + "/")) {
                continue;
            }
            for (String ref : e.getValue()) {
                if (forbidden.matcher(ref).matches()) {
                    bad.add(e.getKey() + " -> " + ref);
                }
            }
        }
        return bad;
    }

    private static void assertNone(String dir, String forbiddenRegex, String why) throws IOException {
        List<String> bad = violations(dir, Pattern.compile(forbiddenRegex));
        assertEquals(List.of(), bad, why);
    }

    @Test
    void theDomainKnowsNothingButItself() throws IOException {
        assertNone("job", "(?!daemon\\.job\\b).*", "job/ is the domain: no protocol, store, engine or SQL types");
    }

    @Test
    void theStoreSpeaksDomainRecordsOnly() throws IOException {
        assertNone("store", "protocol\\b.*|daemon\\.(engine|service|server|config|metrics|event)\\b.*",
                "store/ takes and returns domain records; the service builds wire types and wording");
    }

    @Test
    void theEventStreamCarriesDomainRecords() throws IOException {
        assertNone("event", "(?!daemon\\.(job|event)\\b).*", "event/ depends on the domain only");
    }

    @Test
    void healthDependsOnNothingElseOfTheDaemon() throws IOException {
        assertNone("health", "(?!daemon\\.health\\b).*",
                "health/ is below everything: the store's writer and the engine's loops both report to it");
    }

    @Test
    void configurationReachesTheStoreOnlyThroughConfigStore() throws IOException {
        assertNone("config", "daemon\\.store(?!\\.ConfigStore$).*|daemon\\.(engine|service|server|metrics)\\b.*",
                "config/ may use store.ConfigStore and nothing else of the store");
    }

    @Test
    void theEngineDoesNotKnowTheFrontDoorsOrTheWire() throws IOException {
        assertNone("engine", "daemon\\.(service|server|metrics)\\b.*|daemon\\.store\\.sqlite\\b.*"
                        + "|protocol\\.(request|result|json)\\b.*|protocol\\.(ProtocolException|ErrorCode|JobState)",
                "engine/ runs jobs; answering requests is the service's business");
    }

    @Test
    void theServiceDoesNotKnowTheTransports() throws IOException {
        assertNone("service", "daemon\\.server\\b.*|daemon\\.store\\.sqlite\\b.*",
                "service/ is called by the front doors, not the other way round, and never sees a backend");
    }

    @Test
    void theDashboardSecretsStandAlone() throws IOException {
        assertNone("access", "(?!daemon\\.access\\b).*", "access/ keeps the dashboard's tokens and knows nothing else");
    }

    @Test
    void metricsListenToEventsOnly() throws IOException {
        assertNone("metrics", "daemon\\.(engine|service|server|store)\\b.*", "metrics/ hears the event stream");
    }

    @Test
    void onlyTheWiringKnowsTheBackends() throws IOException {
        for (String dir : List.of("engine", "service", "server", "config", "metrics", "event", "job", "access")) {
            assertNone(dir, "daemon\\.store\\.(sqlite|postgres)\\b.*", dir + "/ must not name a store backend");
        }
    }

    @Test
    void noMainSourceFileIsOverThreeHundredLines() throws IOException {
        List<String> big = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../queuectl-protocol/src/main/java"),
                Path.of("../queuectl-client/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    long n;
                    try (Stream<String> lines = Files.lines(f)) {
                        n = lines.count();
                    }
                    if (n > MAX_LINES) {
                        big.add(f + ": " + n + " lines");
                    }
                }
            }
        }
        assertEquals(List.of(), big, "split files over " + MAX_LINES + " lines by concern");
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        Map<String, List<String>> refs = references();
        assertTrue(refs.size() > 50, "found " + refs.size() + " daemon sources under " + DAEMON.toAbsolutePath());
        assertTrue(refs.get("store/JobStore.java").contains("daemon.job.Job"), "imports are read: " + refs.get("store/JobStore.java"));
    }
}
