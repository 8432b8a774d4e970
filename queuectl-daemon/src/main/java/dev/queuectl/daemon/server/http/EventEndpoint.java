package dev.queuectl.daemon.server.http;

import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * {@code GET /api/v1/events[?follow=ID[&attempt=N&offset=BYTES]]}: opens a server-sent event
 * stream on the {@link EventHub}, within the configured number of streams. Event loop only.
 */
final class EventEndpoint {
    private final EventHub hub;
    private final int maxStreams;

    EventEndpoint(EventHub hub, int maxStreams) {
        this.hub = hub;
        this.maxStreams = maxStreams;
    }

    void open(Exchange x) {
        String follow = x.param("follow");
        Integer attempt;
        long offset;
        try {
            if (follow != null) {
                JobSpec.validateId(follow);
            }
            attempt = QueryFields.optInt(x, "attempt", 1, Integer.MAX_VALUE);
            Long o = QueryFields.optLong(x, "offset", 0, Long.MAX_VALUE);
            offset = o == null ? 0 : o;
        } catch (ProtocolException e) {
            x.fail(e.code(), e.getMessage());
            return;
        }
        if (!hub.reserve(maxStreams)) {
            x.fail(ErrorCode.UNAVAILABLE, "too many live event streams (the limit is " + maxStreams
                    + ", http-max-event-streams); close other dashboard tabs or raise the limit");
            return;
        }
        if (!x.startStream()) {
            hub.release();
            x.fail(ErrorCode.MALFORMED_REQUEST, "an event stream must be the only request on its connection");
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        head.headers().set("X-Accel-Buffering", "no");
        Responses.secure(head.headers(), Responses.Caching.NONE);
        x.ctx.writeAndFlush(head);
        hub.add(new EventSubscriber(x.ctx.channel(), follow, attempt, offset), x.headers.get("Last-Event-ID"));
    }
}
