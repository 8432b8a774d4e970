package dev.queuectl.daemon.server;

import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.ErrorCode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every connection: refuses peers that may not use the daemon
 * (PERMISSION_DENIED) and connections beyond the limit (UNAVAILABLE), each with one error line
 * before closing. Shared by all connections; thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGate.class);
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("queuectl.counted");

    private final PeerAuthorizer authorizer;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionGate(PeerAuthorizer authorizer, int maxConnections) {
        this.authorizer = authorizer;
        this.maxConnections = maxConnections;
    }

    int openConnections() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        String refusal = authorizer.refusal(ctx.channel());
        if (refusal != null) {
            log.warn("refused a connection: {}", refusal);
            refuse(ctx, ErrorCode.PERMISSION_DENIED, refusal);
            return;
        }
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            log.warn("refused a connection: {} connections are open (max-connections)", maxConnections);
            refuse(ctx, ErrorCode.UNAVAILABLE, "too many connections (the limit is " + maxConnections
                    + "); close idle clients or raise max-connections");
            return;
        }
        ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        ctx.fireChannelActive();
    }

    private static void refuse(ChannelHandlerContext ctx, ErrorCode code, String message) {
        ctx.pipeline().remove(ConnectionHandler.class);
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(Codec.encodeError(null, code, message)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (Boolean.TRUE.equals(ctx.channel().attr(COUNTED).getAndSet(null))) {
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }
}
