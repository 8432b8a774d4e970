package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.server.EventLoops;
import dev.queuectl.daemon.service.RequestHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP listener, on the same event loops as the Unix socket: codec (bounded request
 * line, headers and body) → keep-alive → {@link HttpRouter}, which hands each request to the
 * service and writes the answer from its completion. Loopback addresses only.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    static final int MAX_INITIAL_LINE = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;
    static final int MAX_BODY = 1024 * 1024;

    private final Channel serverChannel;
    private final ChannelGroup connections;

    private HttpServer(Channel serverChannel, ChannelGroup connections) {
        this.serverChannel = serverChannel;
        this.connections = connections;
    }

    /** Binds {@code address} (a loopback address) and starts serving. */
    public static HttpServer start(EventLoops loops, InetSocketAddress address, RequestHandler service)
            throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IOException("refusing to listen on " + address + ": loopback addresses only");
        }
        ChannelGroup connections = new DefaultChannelGroup("queuectl-http", GlobalEventExecutor.INSTANCE);
        HttpRouter router = new HttpRouter(service);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.group())
                .channel(loops.tcpChannel())
                .option(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast("codec", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192));
                        ch.pipeline().addLast("keepalive", new HttpServerKeepAliveHandler());
                        ch.pipeline().addLast("aggregator", new HttpObjectAggregator(MAX_BODY));
                        ch.pipeline().addLast("router", router);
                    }
                });
        Channel server;
        try {
            server = bootstrap.bind(address).sync().channel();
        } catch (Exception e) {
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        log.info("serving HTTP on http://{}:{}/ ({} transport)", bound.getHostString(), bound.getPort(),
                loops.transport());
        return new HttpServer(server, connections);
    }

    /** The port it listens on (useful when it was given port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
