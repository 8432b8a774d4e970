package dev.queuectl.daemon.server;

import dev.queuectl.protocol.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/** One framed line to an {@link Inbound}: a decoded request or a refusal. Stateless. */
@ChannelHandler.Sharable
final class RequestDecoder extends MessageToMessageDecoder<ByteBuf> {
    static final RequestDecoder INSTANCE = new RequestDecoder();

    private RequestDecoder() {
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        byte[] bytes = ByteBufUtil.getBytes(line);
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (isBlank(bytes, length)) {
            return; // blank lines are keep-alives, not requests
        }
        try {
            Codec.Decoded d = Codec.decodeRequest(bytes, 0, length);
            out.add(Inbound.of(d.req(), d.request()));
        } catch (Codec.DecodeException e) {
            out.add(Inbound.refused(e.req(), e.code(), e.getMessage()));
        }
    }

    private static boolean isBlank(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
