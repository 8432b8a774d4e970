package dev.queuectl.daemon.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;

/**
 * One open event stream. Messages are written only while the connection can take them: a client
 * that does not read misses messages instead of making the daemon buffer them (at most one
 * socket buffer's worth is queued), and gets a {@code reset} once it reads again, telling its
 * page to fetch what it missed. Optionally follows one job's run output, which is paused rather
 * than skipped while the client is behind. Written from the hub's
 * tick and the connection's own event loop; the fields they share are volatile.
 */
final class EventSubscriber {
    final Channel channel;
    /** The job whose output this stream carries, or null. */
    final String follow;
    /** The run being followed (null: the latest), and the offset read up to. Hub thread only. */
    Integer attempt;
    long offset;
    boolean reading;
    /** Read again at the next tick: just subscribed, the run is going on, or the job changed. */
    boolean readAgain = true;
    /** Whether the end of the followed run's output was sent. */
    boolean endSent;
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile long unwritableSinceNanos;
    private volatile boolean missed;

    EventSubscriber(Channel channel, String follow, Integer attempt, long offset) {
        this.channel = channel;
        this.follow = follow;
        this.attempt = attempt;
        this.offset = offset;
    }

    /** Writes the message unless the client is behind; returns whether it was written. */
    boolean send(byte[] bytes) {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            if (!missed) {
                missed = true;
                unwritableSinceNanos = System.nanoTime();
            }
            return false;
        }
        if (missed) {
            missed = false;
            write(SseMessage.unnumbered("reset", java.util.Map.of("reason",
                    "messages were skipped while this client was not reading")).bytes());
        }
        write(bytes);
        return true;
    }

    /**
     * Writes a piece of followed output even past the watermark (by at most one piece): the
     * follower reads the next piece only while the connection is writable, so output is paused
     * for a slow client rather than skipped.
     */
    void sendOutput(byte[] bytes) {
        if (channel.isActive()) {
            write(bytes);
        }
    }

    boolean writable() {
        return channel.isActive() && channel.isWritable();
    }

    private void write(byte[] bytes) {
        lastWriteNanos = System.nanoTime();
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)), channel.voidPromise());
    }

    /** Nanoseconds since anything was written. */
    long idleNanos(long now) {
        return now - lastWriteNanos;
    }

    /** Nanoseconds the client has not been reading for (0 when it keeps up). */
    long behindNanos(long now) {
        return missed && !channel.isWritable() ? now - unwritableSinceNanos : 0;
    }
}
