package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.enqueue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.protocol.json.Json;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an operator relies on: systemd readiness, the log formats, no job output in the log. */
class OperationsIT {
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private Path root;

    @BeforeEach
    void setUp() {
        root = tmp.path();
    }

    @AfterEach
    void tearDown() {
    }

    @Test
    void systemdHearsReadyOnceTheSocketAcceptsAndStoppingWhenItDrains() throws Exception {
        Path notify = root.resolve("notify.sock");
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            Channel receiver = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket p) {
                            messages.add(p.content().toString(StandardCharsets.UTF_8));
                        }
                    }).bind(new DomainSocketAddress(notify.toFile())).sync().channel();
            Path socket = root.resolve("d.sock");
            try (DaemonProcess d = DaemonProcess.start(Map.of("NOTIFY_SOCKET", notify.toString()), root.resolve("data"),
                    socket)) {
                String ready = messages.poll(30, TimeUnit.SECONDS);
                assertTrue(ready != null && ready.contains("READY=1"), String.valueOf(ready));
                assertTrue(ready.contains("MAINPID=" + d.pid()), ready);
                assertTrue(SocketPaths.accepts(socket), "ready means the socket accepts connections");
                assertEquals(0, d.terminate());
                String stopping = messages.poll(30, TimeUnit.SECONDS);
                assertTrue(stopping != null && stopping.contains("STOPPING=1"), String.valueOf(stopping));
            }
            receiver.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void jsonLogsCarryJobEventsWithTheirFieldsAndNeverTheJobsOutput() throws Exception {
        Path socket = root.resolve("d.sock");
        try (DaemonProcess d = DaemonProcess.start(root.resolve("data"), socket, "--log-format=json")) {
            try (RawClient c = new RawClient(socket)) {
                String ok = enqueue(c, "{\"id\":\"loud\",\"command\":\"echo s3cret-output-ok; echo s3cret-err >&2\"}");
                String bad = enqueue(c, "{\"id\":\"sad\",\"max_retries\":0,\"command\":\"echo s3cret-output-bad; exit 9\"}");
                awaitState(c, ok, "completed", Duration.ofSeconds(10));
                awaitState(c, bad, "dead", Duration.ofSeconds(10));
                assertTrue(((String) Jobs.show(c, bad).get("last_error")).contains("s3cret-output-bad"),
                        "the output is in last_error, for the user");
            }
            assertEquals(0, d.terminate());
        }
        String log = Files.readString(root.resolve("daemon.out"));
        assertFalse(log.contains("s3cret"), "job output never reaches the daemon log:\n" + log);
        boolean sawSad = false;
        for (String line : log.split("\n")) {
            Map<?, ?> event = (Map<?, ?>) Json.parse(line);
            if ("queuectl.jobs".equals(event.get("loggerName"))
                    && ((List<?>) event.get("kvpList")).contains(Map.of("job", "sad"))) {
                sawSad = true;
                List<?> kv = (List<?>) event.get("kvpList");
                assertTrue(kv.contains(Map.of("attempt", "1")) && kv.contains(Map.of("outcome", "failed"))
                        && kv.contains(Map.of("exit_code", "9")) && kv.contains(Map.of("state", "dead")), line);
                assertTrue(kv.stream().anyMatch(o -> ((Map<?, ?>) o).containsKey("duration_ms")), line);
                assertEquals("WARN", event.get("level"));
            }
        }
        assertTrue(sawSad, "the failed run was logged:\n" + log);
    }

    @Test
    void underSystemdTheLogHasNoTimestampButSyslogPriorities() throws Exception {
        Path socket = root.resolve("d.sock");
        try (DaemonProcess d = DaemonProcess.start(Map.of("JOURNAL_STREAM", "8:12345"), root.resolve("data"), socket)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(root.resolve("daemon.out")).contains("started"));
            assertEquals(0, d.terminate());
        }
        for (String line : Files.readAllLines(root.resolve("daemon.out"))) {
            assertTrue(line.matches("<[3467]>(INFO|WARN|ERROR|DEBUG) .*"), line);
        }
    }
}
