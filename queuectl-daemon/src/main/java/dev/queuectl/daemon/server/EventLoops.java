package dev.queuectl.daemon.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's event-loop threads, shared by every front door (the Unix socket, HTTP): epoll
 * when available, NIO otherwise. Event-loop threads never block. Closing stops them.
 */
public final class EventLoops implements AutoCloseable {
    private static final int THREADS = 2;

    private final boolean epoll;
    private final EventLoopGroup group;

    private EventLoops(boolean epoll, EventLoopGroup group) {
        this.epoll = epoll;
        this.group = group;
    }

    public static EventLoops create() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // Leak detection records a stack trace for a sample of buffer allocations; buffers
            // here are released by Netty's own codecs. The property still turns it on.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new EventLoops(epoll, new MultiThreadIoEventLoopGroup(THREADS,
                new DefaultThreadFactory("queuectl-io", true), io));
    }

    public EventLoopGroup group() {
        return group;
    }

    /** "epoll" or "nio", for the log. */
    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    Class<? extends ServerChannel> domainSocketChannel() {
        return epoll ? EpollServerDomainSocketChannel.class : NioServerDomainSocketChannel.class;
    }

    public Class<? extends ServerChannel> tcpChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    boolean epoll() {
        return epoll;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
