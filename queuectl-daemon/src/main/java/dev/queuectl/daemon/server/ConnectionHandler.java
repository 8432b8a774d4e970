package dev.queuectl.daemon.server;

import dev.queuectl.daemon.service.RequestHandler;
import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.Op;
import dev.queuectl.protocol.request.Request;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, answered strictly in request order.
 *
 * <p>Requests on a connection take effect in order: each starts once the one before it has
 * finished, so "enqueue, then show" sees the job. The exception is a run of consecutive
 * enqueues, which are all handed over at once: the store applies them in order anyway, and a
 * pipelining client gets them group-committed instead of one commit per request.
 *
 * <p>Reading pauses while too many requests are outstanding or the client is not reading what
 * was written, so nothing buffers without bound. Confined to the channel's event loop;
 * completions from other threads hop onto it.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<Inbound> {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    /** Requests outstanding per connection before reading pauses. */
    static final int MAX_IN_FLIGHT = 1024;

    private static final class Slot {
        final Object req;
        final Request request;
        byte[] response;

        Slot(Object req, Request request) {
            this.req = req;
            this.request = request;
        }
    }

    private final RequestHandler handler;
    private final int maxRequestBytes;
    /** Every request not yet written back, in arrival order. */
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    /** Requests waiting for their predecessors before they may start. */
    private final ArrayDeque<Slot> waiting = new ArrayDeque<>();
    private int running;
    private boolean runningOnlyEnqueues = true;
    /** The client shut down its sending side, or the server is closing: answer what is in flight, then close. */
    private boolean inputShutdown;

    /** Fired at every connection when the server closes: finish answering what was asked, then close. */
    static final Object CLOSE_WHEN_ANSWERED = new Object();

    ConnectionHandler(RequestHandler handler, int maxRequestBytes) {
        this.handler = handler;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Inbound in) {
        Slot slot = new Slot(in.req(), in.request());
        slots.add(slot);
        if (in.refusal() != null) {
            slot.response = Codec.encodeError(in.req(), in.refusal(), in.message());
            flush(ctx);
            return;
        }
        waiting.add(slot);
        startWhatMayStart(ctx);
        updateAutoRead(ctx);
    }

    private static boolean isEnqueue(Request r) {
        return r.op() == Op.ENQUEUE || r.op() == Op.ENQUEUE_BATCH;
    }

    private void startWhatMayStart(ChannelHandlerContext ctx) {
        while (!waiting.isEmpty()) {
            Slot next = waiting.peek();
            boolean enqueue = isEnqueue(next.request);
            if (running > 0 && !(enqueue && runningOnlyEnqueues)) {
                return;
            }
            waiting.poll();
            if (running == 0) {
                runningOnlyEnqueues = true;
            }
            runningOnlyEnqueues &= enqueue;
            running++;
            start(ctx, next);
        }
    }

    private void start(ChannelHandlerContext ctx, Slot slot) {
        CompletableFuture<?> result;
        try {
            result = handler.handle(slot.request);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        // Encode on the event loop, not on the thread that completed the future: that is usually
        // the store's single writer thread, whose time belongs to the next commit.
        CompletableFuture<?> done = result;
        if (done.isDone()) {
            complete(ctx, slot, done);
        } else {
            done.whenCompleteAsync((value, error) -> complete(ctx, slot, done), ctx.executor());
        }
    }

    private void complete(ChannelHandlerContext ctx, Slot slot, CompletableFuture<?> result) {
        Object value = null;
        Throwable error = null;
        try {
            value = result.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            error = e;
        }
        finished(ctx, slot, encode(slot.req, value, error));
    }

    private static byte[] encode(Object req, Object value, Throwable error) {
        if (error == null) {
            try {
                return Codec.encodeResult(req, value);
            } catch (RuntimeException e) {
                error = e;
            }
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProtocolException) {
            ProtocolException pe = (ProtocolException) cause;
            return Codec.encodeError(req, pe.code(), pe.getMessage());
        }
        log.error("request failed unexpectedly", cause);
        return Codec.encodeError(req, ErrorCode.INTERNAL, "internal error (" + cause.getClass().getSimpleName()
                + "); the daemon log has the details");
    }

    private void finished(ChannelHandlerContext ctx, Slot slot, byte[] response) {
        slot.response = response;
        running--;
        startWhatMayStart(ctx);
        flush(ctx);
    }

    private void flush(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!slots.isEmpty() && slots.peek().response != null) {
            ctx.write(slots.poll().response);
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
        if (inputShutdown && slots.isEmpty()) {
            ctx.close();
            return;
        }
        updateAutoRead(ctx);
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        boolean read = slots.size() < MAX_IN_FLIGHT && ctx.channel().isWritable() && !inputShutdown;
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent || event == CLOSE_WHEN_ANSWERED) {
            inputShutdown = true;
            if (event == CLOSE_WHEN_ANSWERED) {
                ctx.channel().config().setAutoRead(false);
            }
            flush(ctx);
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
            Slot slot = new Slot(null, null);
            slot.response = Codec.encodeError(null, ErrorCode.REQUEST_TOO_LARGE, "request line longer than "
                    + maxRequestBytes + " bytes; it was discarded (split large batches into several requests)");
            slots.add(slot);
            flush(ctx);
            return;
        }
        if (cause instanceof IOException) {
            log.debug("connection error: {}", cause.getMessage());
        } else {
            log.warn("closing a connection after an unexpected error", cause);
        }
        ctx.close();
    }
}
