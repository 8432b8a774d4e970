package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.server.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP listener, on the same event loops as the Unix socket. Pipeline per
 * connection: codec (bounded request line and headers) → connection limit → request deadline →
 * keep-alive → bounded body → {@link HttpConnection}, which answers in order through the
 * {@link HttpRouter}. Writes are bounded by a small write-buffer watermark: a client that does
 * not read stops being read from (and an event stream skips messages), so nothing grows.
 * {@link #start} and {@link #close} may be called from any thread; the rest runs on event loops.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    static final int MAX_INITIAL_LINE = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;
    private static final WriteBufferWaterMark WATERMARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final EventHub hub;
    private final String baseUrl;

    private HttpServer(Channel serverChannel, ChannelGroup connections, EventHub hub, String baseUrl) {
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.hub = hub;
        this.baseUrl = baseUrl;
    }

    /** Binds the address and starts serving; an {@link IOException} says why it cannot. */
    public static HttpServer start(EventLoops loops, HttpOptions options, HttpParts parts) throws IOException {
        if (!options.allowRemote() && !options.address().getAddress().isLoopbackAddress()) {
            throw new IOException("refusing to listen on " + options.address() + ": not a loopback address"
                    + " (set http-allow-remote = true to allow it, with a TLS proxy in front)");
        }
        ConnectionLimit limit = new ConnectionLimit(options.maxConnections());
        EventHub hub = null;
        HttpRouter router;
        MetricsEndpoint metrics = new MetricsEndpoint(parts.service());
        if (options.metricsOnly()) {
            router = new HttpRouter(options, null, null, null, metrics, null);
        } else {
            StaticAssets assets = StaticAssets.load();
            hub = new EventHub(parts.service(), parts.events(), loops.group().next(), parts.clock());
            EventHub h = hub;
            parts.metrics().gauge("queuectl.http.connections", "HTTP connections open.", limit::open);
            parts.metrics().gauge("queuectl.http.event.streams", "Live event streams open (dashboard tabs).",
                    h::streams);
            router = new HttpRouter(options, new Guard(parts.access(), options.allowRemote()), new Pages(assets), assets,
                    metrics, new ApiRouter(parts.service(), new EventEndpoint(hub, options.maxEventStreams())));
        }
        ChannelGroup connections = new DefaultChannelGroup("queuectl-http", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.group())
                .channel(loops.tcpChannel())
                .option(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATERMARK)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast("codec", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192));
                        ch.pipeline().addLast("limit", limit);
                        ch.pipeline().addLast("deadline", new RequestDeadline());
                        ch.pipeline().addLast("keepalive", new HttpServerKeepAliveHandler());
                        ch.pipeline().addLast("aggregator", new BoundedAggregator(options.maxBodyBytes()));
                        ch.pipeline().addLast("connection", new HttpConnection(router));
                    }
                });
        Channel server;
        try {
            server = bootstrap.bind(options.address()).sync().channel();
        } catch (Exception e) {
            if (hub != null) {
                hub.close();
            }
            throw new IOException("cannot listen on " + options.address() + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        String base = "http://" + urlHost(bound) + ":" + bound.getPort() + "/";
        log.info("serving {} on {} ({} transport)", options.metricsOnly() ? "/metrics" : "the dashboard and API",
                base, loops.transport());
        if (options.allowRemote() && !bound.getAddress().isLoopbackAddress()) {
            log.warn("the dashboard listens on {}, which is reachable from other hosts: put a TLS proxy in front"
                    + " (http-allow-remote = true)", bound);
        }
        if (parts.access() != null && !options.metricsOnly()) {
            parts.access().listening(base);
        }
        return new HttpServer(server, connections, hub, base);
    }

    /** The host part of a URL for a bound address; a wildcard address is reached through loopback. */
    private static String urlHost(InetSocketAddress a) {
        if (a.getAddress().isAnyLocalAddress()) {
            return a.getAddress() instanceof java.net.Inet6Address ? "[::1]" : "127.0.0.1";
        }
        String h = a.getAddress().getHostAddress();
        return a.getAddress() instanceof java.net.Inet6Address ? "[" + h.replaceAll("%.*$", "") + "]" : h;
    }

    /** The port it listens on (useful when it was given port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Its address as a URL, such as {@code http://127.0.0.1:8765/}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Stops accepting, lets every connection finish answering what it was asked (up to 2 s), then closes the rest. */
    @Override
    public void close() {
        if (hub != null) {
            hub.close();
        }
        serverChannel.close().syncUninterruptibly();
        connections.forEach(ch -> ch.pipeline().fireUserEventTriggered(HttpConnection.CLOSE_WHEN_ANSWERED));
        connections.newCloseFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
