package dev.queuectl.daemon.server.http;

import dev.queuectl.protocol.ErrorCode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The HTTP status of each protocol error code: one per code, listed in the README's API
 * reference. (Two refusals of the HTTP layer itself vary it: a request line or headers over the
 * limit get 414 or 431 with {@code REQUEST_TOO_LARGE}, a known path asked with the wrong method
 * 405 with {@code UNKNOWN_OP}.)
 */
final class ErrorStatus {
    private ErrorStatus() {
    }

    static HttpResponseStatus of(ErrorCode code) {
        switch (code) {
            case MALFORMED_REQUEST:
            case INVALID_ARGUMENT:
                return HttpResponseStatus.BAD_REQUEST;
            case REQUEST_TOO_LARGE:
                return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNKNOWN_OP:
            case NOT_FOUND:
                return HttpResponseStatus.NOT_FOUND;
            case DUPLICATE_ID:
            case INVALID_STATE:
                return HttpResponseStatus.CONFLICT;
            case UNAUTHENTICATED:
                return HttpResponseStatus.UNAUTHORIZED;
            case PERMISSION_DENIED:
                return HttpResponseStatus.FORBIDDEN;
            case UNAVAILABLE:
                return HttpResponseStatus.SERVICE_UNAVAILABLE;
            case STORAGE_ERROR:
                return HttpResponseStatus.INSUFFICIENT_STORAGE;
            case INTERNAL:
            default:
                return HttpResponseStatus.INTERNAL_SERVER_ERROR;
        }
    }
}
