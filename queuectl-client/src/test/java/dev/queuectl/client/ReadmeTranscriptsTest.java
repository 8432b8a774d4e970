package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeTranscriptsTest {
    @Test
    void markedBlocksBecomeStepsWithHiddenSetUp() {
        List<String> readme = List.of(
                "text",
                "<!-- transcript",
                "$ queuectl enqueue --id a true",
                "file jobs.jsonl",
                "{\"command\":\"true\"}",
                "end",
                "-->",
                "```",
                "$ queuectl show a   # a comment",
                "id: a",
                "state: completed",
                "$ queuectl status",
                "```",
                "```",
                "$ not marked",
                "```");
        List<ReadmeTranscripts.Transcript> ts = ReadmeTranscripts.parse(readme);
        assertEquals(1, ts.size());
        ReadmeTranscripts.Transcript t = ts.get(0);
        assertEquals(List.of("queuectl enqueue --id a true"), t.setup());
        assertEquals("{\"command\":\"true\"}\n", t.files().get(0).content());
        assertEquals(2, t.steps().size());
        assertEquals(List.of("id: a", "state: completed"), t.steps().get(0).expected());
        assertEquals(9, t.steps().get(0).line());
    }

    @Test
    void aMarkerWithoutABlockOrOutputBeforeACommandIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ReadmeTranscripts.parse(List.of("<!-- transcript -->", "text")));
        assertThrows(IllegalArgumentException.class,
                () -> ReadmeTranscripts.parse(List.of("<!-- transcript -->", "```", "orphan", "```")));
    }

    @Test
    void whatDiffersBetweenRunsIsBlankedAndNothingElse() {
        assertEquals(ReadmeTranscripts.normalize("  1  2026-11-22 23:18:59Z  5ms       failed"),
                ReadmeTranscripts.normalize("  1  2026-12-01 08:00:01+01:00  12ms  failed"));
        assertEquals(ReadmeTranscripts.normalize("queuectld 0.1 (protocol 2), pid 25978, up 4.1s"),
                ReadmeTranscripts.normalize("queuectld 0.1 (protocol 2), pid 7, up 10.3s"));
        assertEquals(ReadmeTranscripts.normalize("  last minute  5  11  162ms  2s"),
                ReadmeTranscripts.normalize("  last minute  5  11  190ms  3.1s"));
        assertEquals(ReadmeTranscripts.normalize("runs      each in a cgroup of its own under /sys/fs/cgroup/unified/queuectld-ae5e727f17de"),
                ReadmeTranscripts.normalize("runs      in their process group, found by marker (no cgroup v2 here)"));
        assertNotEquals(ReadmeTranscripts.normalize("backoff_max = 10m"), ReadmeTranscripts.normalize("backoff_max = 1h"));
        assertNotEquals(ReadmeTranscripts.normalize("state: dead"), ReadmeTranscripts.normalize("state: failed"));
    }
}
