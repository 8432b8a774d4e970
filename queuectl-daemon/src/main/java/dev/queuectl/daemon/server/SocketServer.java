package dev.queuectl.daemon.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import dev.queuectl.daemon.service.RequestHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
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
    private static final long ANSWER_GRACE_SECONDS = 2;

    private final Path path;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final Object socketFileKey;

    private SocketServer(Path path, Channel serverChannel, ChannelGroup connections, Object socketFileKey) {
        this.path = path;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.socketFileKey = socketFileKey;
    }

    /**
     * Binds {@code path} (which must not exist) and starts serving on the daemon's event loops.
     *
     * @param socketGroup group allowed to connect, or null
     */
    public static SocketServer start(EventLoops loops, Path path, String socketGroup, int maxRequestBytes,
                                     int maxConnections, RequestHandler handler) throws IOException {
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
        boolean epoll = loops.epoll();
        ChannelGroup connections = new DefaultChannelGroup("queuectl-connections", GlobalEventExecutor.INSTANCE);
        // The group's gid is known once the group is applied to the socket; until then only
        // the daemon's own user (and root) get in.
        AtomicReference<ConnectionGate> gate = new AtomicReference<>(
                new ConnectionGate(new PeerAuthorizer(uid, user, null, null), maxConnections));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.group())
                .channel(loops.domainSocketChannel())
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
        try {
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
            log.info("listening on {} ({} transport)", path, loops.transport());
            return new SocketServer(path, server, connections, key);
        } catch (IOException | RuntimeException e) {
            server.close().syncUninterruptibly();
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

    /**
     * Stops accepting, lets every connection finish answering what it was asked (a {@code drain}
     * request's answer among them) for up to {@value #ANSWER_GRACE_SECONDS} s, then closes the rest.
     */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        connections.forEach(ch -> ch.pipeline().fireUserEventTriggered(ConnectionHandler.CLOSE_WHEN_ANSWERED));
        connections.newCloseFuture().awaitUninterruptibly(ANSWER_GRACE_SECONDS, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
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
