package dev.queuectl.client;

import dev.queuectl.client.render.BulkRenderer;
import dev.queuectl.client.render.Display;
import dev.queuectl.client.render.JobRenderer;
import dev.queuectl.client.render.StatusRenderer;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.AttemptView;
import dev.queuectl.protocol.result.BulkResult;
import dev.queuectl.protocol.result.BusyWorker;
import dev.queuectl.protocol.result.ConfigEntry;
import dev.queuectl.protocol.result.ConfigView;
import dev.queuectl.protocol.result.ContainmentView;
import dev.queuectl.protocol.result.EnqueueResult;
import dev.queuectl.protocol.result.JobList;
import dev.queuectl.protocol.result.JobView;
import dev.queuectl.protocol.result.DependencyView;
import dev.queuectl.protocol.result.QueueView;
import dev.queuectl.protocol.result.LogChunk;
import dev.queuectl.protocol.result.LoopView;
import dev.queuectl.protocol.result.NodeView;
import dev.queuectl.protocol.result.RunStatsView;
import dev.queuectl.protocol.result.StatusView;
import dev.queuectl.protocol.result.WhyWaiting;
import dev.queuectl.protocol.result.WorkersView;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A training run for the client's class-data-sharing archive (see bin/queuectl): walks through
 * what real commands do — builds every command's model, parses arguments, encodes requests,
 * decodes and renders every kind of answer, touches the socket classes — so that the archive
 * holds the classes any command needs. Prints nothing and talks to no daemon.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        ClientContext context = new ClientContext(Map.of(), Clock.systemUTC(), new ByteArrayInputStream(new byte[0]));
        Cli.create(context, out, out).execute("--help");
        for (String name : Cli.COMMANDS) {
            Cli.create(context, out, out, name, "--help").execute(name, "--help");
        }
        Instant now = Instant.now();
        JobView job = new JobView("train", "echo hi", JobState.FAILED, 1, 3, 0, now, Duration.ofSeconds(30), now, now,
                now, now, 1, "exit code 1", List.of(new AttemptView(1, now, now, "failed", 1, "exit code 1", "node")),
                "/tmp", List.of("A"), Map.of("A", "1"), Map.of("team", "a"), true, new WhyWaiting("held", null, "held"),
                "default", List.of(new DependencyView("build", JobState.COMPLETED)), List.of());
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 1L);
        }
        RunStatsView.Window w = new RunStatsView.Window(1, 1, 0.5, 0.9);
        StatusView status = new StatusView("v", 1, "node", "sqlite", 1, now, 1.5, "/s", "/d", counts,
                new WorkersView(2, false, List.of(new BusyWorker("train", 1, now, 1.0))), new RunStatsView(w, w),
                List.of(new LoopView("dispatcher", true, now, now, 1, "x")), new ContainmentView("cgroup", "/c", null),
                Map.of(JobState.PENDING, Map.of("held", 1L, "not_due", 1L, "due", 1L)),
                List.of(new NodeView("node", "host", 1, "v", "alive", now, now, 2, 1),
                        new NodeView("other", "host2", 2, "v", "lease expired", now, now, 2, 0)),
                List.of(new QueueView("backups", 2, true, 3, Duration.ofMinutes(5), counts, now)));
        Display local = new Display(null, Map.of("COLUMNS", "80"));
        JobRenderer.detail(roundTrip(job, JobView::fromJson), now, local, out);
        JobRenderer.table(roundTrip(new JobList(List.of(job), 2), JobList::fromJson), now, local, out, "none");
        StatusRenderer.print(roundTrip(status, StatusView::fromJson), new Display(ZoneOffset.UTC, Map.of()), out);
        roundTrip(new ConfigView(List.of(new ConfigEntry("workers", 2, "2", 2, "2", "d"))), ConfigView::fromJson);
        roundTrip(new LogChunk("train", 1, 1, 0, 2, 0, false, "hi", JobState.COMPLETED, "completed"),
                LogChunk::fromJson);
        BulkRenderer.print(roundTrip(new BulkResult(2, 1, Map.of("dead", 1L), List.of("x"), List.of("train"), true),
                BulkResult::fromJson), "cancelled {}", "cancel {}", out);
        roundTrip(new EnqueueResult(job, true), EnqueueResult::fromJson);
        try {
            SocketClient.connect(Path.of("/nonexistent/queuectl-training.sock")).close();
        } catch (CommandFailure expected) {
            // only the classes matter
        }
        out.flush();
    }

    private static <T> T roundTrip(dev.queuectl.protocol.json.JsonWritable value,
                                   java.util.function.Function<Object, T> decode) {
        byte[] line = Codec.encodeResult(7L, value);
        return decode.apply(Codec.decodeResponse(line, 0, line.length).result());
    }
}
