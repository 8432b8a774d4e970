package dev.queuectl.daemon.server;

import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.request.Request;

/** One request line after decoding: a request, or the reason it was refused. */
record Inbound(Object req, Request request, ErrorCode refusal, String message) {
    static Inbound of(Object req, Request request) {
        return new Inbound(req, request, null, null);
    }

    static Inbound refused(Object req, ErrorCode code, String message) {
        return new Inbound(req, null, code, message);
    }
}
