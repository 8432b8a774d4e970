package dev.queuectl.daemon.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** An encoded response (JSON bytes) to a line on the wire. Stateless. */
@ChannelHandler.Sharable
final class ResponseEncoder extends MessageToMessageEncoder<byte[]> {
    static final ResponseEncoder INSTANCE = new ResponseEncoder();
    private static final byte[] NEWLINE = {'\n'};

    private ResponseEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, byte[] json, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(json, NEWLINE));
    }
}
