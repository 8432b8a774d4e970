package dev.queuectl.daemon.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Unix-socket server: epoll when available, NIO otherwise. Pipeline per connection:
 * gate (peer credentials, connection limit) → bounded line framing → request decoder →
 * {@link ConnectionHandler}; responses go out through the encoder. The socket is made 0600
 * (0660 with a socket group) right after binding.
 */
public final class SocketServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);

    private final Path path;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final Object socketFileKey;

    private SocketServer(Path path, EventLoopGroup group, Channel serverChannel, ChannelGroup connections,
                         Object socketFileKey) {
        this.path = path;
        this.group = group;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.socketFileKey = socketFileKey;
    }

    /**
     * Binds {@code path} (which must not exist) and starts serving.
     *
     * @param socketGroup group allowed to connect, or null
     */
    public static SocketServer start(Path path, String socketGroup, int maxRequestBytes, int maxConnections,
                                     RequestHandler handler) throws IOException {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // Leak detection records a stack trace for a sample of buffer allocations; buffers
            // here are released by Netty's own codecs. The property still turns it on.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        int uid = PeerAuthorizer.currentUid();
        String user = Files.getOwner(Path.of("/proc/self")).getName();
        GroupPrincipal groupPrincipal = null;
        Integer gid = null;
        if (socketGroup != null) {
            try {
                groupPrincipal = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(socketGroup);
            } catch (IOException e) {
                throw new IOException("socket-group '" + socketGroup + "' does not exist");
            }
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("queuectl-io", true), io);
        ChannelGroup connections = new DefaultChannelGroup("queuectl-connections", GlobalEventExecutor.INSTANCE);
        try {
            // The group's gid is known once the group is applied to the socket; until then only
            // the daemon's own user (and root) get in.
            AtomicReference<ConnectionGate> gate = new AtomicReference<>(
                    new ConnectionGate(new PeerAuthorizer(uid, user, null, null), maxConnections));
            Class<? extends ServerChannel> channelClass = epoll
                    ? EpollServerDomainSocketChannel.class : NioServerDomainSocketChannel.class;
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(channelClass)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    // Requests are small and few compared with a network server's: plain buffers
                    // save the pooled allocator's preallocated direct-memory chunks.
                    .option(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                    .childOption(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            connections.add(ch);
                            ch.pipeline().addLast("encoder", ResponseEncoder.INSTANCE);
                            ch.pipeline().addLast("gate", gate.get());
                            ch.pipeline().addLast("framer", new LineBasedFrameDecoder(maxRequestBytes, true, true));
                            ch.pipeline().addLast("decoder", RequestDecoder.INSTANCE);
                            ch.pipeline().addLast("handler", new ConnectionHandler(handler, maxRequestBytes));
                        }
                    });
            SocketAddress address = epoll ? new DomainSocketAddress(path.toFile()) : UnixDomainSocketAddress.of(path);
            Channel server;
            try {
                server = bootstrap.bind(address).sync().channel();
            } catch (Exception e) {
                throw new IOException("cannot listen on " + path + ": " + e.getMessage(), e);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (groupPrincipal != null) {
                view.setGroup(groupPrincipal);
                gid = (Integer) Files.getAttribute(path, "unix:gid");
                view.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
            } else {
                view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            }
            if (gid != null) {
                gate.set(new ConnectionGate(new PeerAuthorizer(uid, user, gid, socketGroup), maxConnections));
            }
            Object key = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            log.info("listening on {} ({} transport)", path, epoll ? "epoll" : "nio");
            return new SocketServer(path, group, server, connections, key);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** Stops accepting connections but keeps serving the open ones (used while draining). */
    public void stopAccepting() {
        serverChannel.close().syncUninterruptibly();
        removeSocketFile();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        removeSocketFile();
    }

    /** Deletes the socket file if it is still the one this server created. */
    private void removeSocketFile() {
        try {
            Object key = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            if (key != null && key.equals(socketFileKey)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
