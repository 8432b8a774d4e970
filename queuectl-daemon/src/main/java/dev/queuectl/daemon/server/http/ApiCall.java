package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.access.Role;
import dev.queuectl.daemon.service.RequestHandler;
import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.json.JsonSyntaxException;
import dev.queuectl.protocol.request.Op;
import dev.queuectl.protocol.request.Request;
import dev.queuectl.protocol.request.StatusRequest;
import dev.queuectl.protocol.result.StatusView;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one API request through the service: checks the session may run the op (a read-only
 * session runs only the ops that change nothing), decodes the fields with the protocol's own
 * decoder, and answers with the protocol's envelope ({@code {"ok":true,"result":...}} or its
 * error object, with the code's HTTP status). Answers are encoded on the connection's event
 * loop, not on the store thread that completed them. Stateless.
 */
final class ApiCall {
    private static final Logger log = LoggerFactory.getLogger(ApiCall.class);
    /** Ops that change nothing: every session may run them, and only they may be asked with GET. */
    static final Set<Op> READ_OPS = EnumSet.of(Op.STATUS, Op.LIST, Op.SHOW, Op.LOGS, Op.WAIT, Op.CONFIG_GET,
            Op.METRICS, Op.STATS, Op.COMPLETE);

    private final RequestHandler service;

    ApiCall(RequestHandler service) {
        this.service = service;
    }

    /** The JSON object in the body (an empty body is an empty object). */
    static Map<String, Object> body(Exchange x) {
        if (x.body.length == 0) {
            return new LinkedHashMap<>();
        }
        Object parsed;
        try {
            parsed = Json.parse(x.body);
        } catch (JsonSyntaxException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_REQUEST, "the body is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new ProtocolException(ErrorCode.MALFORMED_REQUEST, "the body must be a JSON object, not "
                    + Fields.typeName(parsed));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) parsed);
        return m;
    }

    /** Decodes and runs {@code op} with these fields, answering the client. */
    void call(Exchange x, Op op, Map<String, Object> fields) {
        Request request = decode(x, op, fields);
        answer(x, service.handle(request));
    }

    private static Request decode(Exchange x, Op op, Map<String, Object> fields) {
        if (!READ_OPS.contains(op)) {
            if (x.isRead()) {
                throw new ProtocolException(ErrorCode.UNKNOWN_OP, op.wireName() + " changes the queue; use POST");
            }
            if (x.role != Role.READ_WRITE) {
                throw new ProtocolException(ErrorCode.PERMISSION_DENIED, "this is a read-only session: it may look"
                        + " but not " + op.wireName() + " (log in with the link `queuectl dashboard` prints)");
            }
        }
        if (op == Op.SHOW && Boolean.TRUE.equals(fields.get("show_env")) && x.role != Role.READ_WRITE) {
            throw new ProtocolException(ErrorCode.PERMISSION_DENIED, "this is a read-only session: it sees the names"
                    + " of a job's environment variables, not their values");
        }
        return op.decode(Fields.of(fields, ""));
    }

    private static void answer(Exchange x, CompletableFuture<?> result) {
        result.whenCompleteAsync((value, error) -> {
            if (error != null) {
                failed(x, error);
                return;
            }
            try {
                x.respond(HttpResponseStatus.OK, Responses.JSON, Codec.encodeResult(null, value),
                        Responses.Caching.NONE);
            } catch (RuntimeException e) {
                failed(x, e);
            }
        }, x.ctx.executor());
    }

    private static void failed(Exchange x, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProtocolException) {
            x.fail(((ProtocolException) cause).code(), cause.getMessage());
            return;
        }
        log.error("API request {} failed unexpectedly", x, cause);
        x.fail(ErrorCode.INTERNAL, "internal error (" + cause.getClass().getSimpleName()
                + "); the daemon log has the details");
    }

    /**
     * {@code GET /api/v1/session}: this session's role, and what this daemon can do (its ops, and
     * which of the list filters it takes), so the pages offer only what works.
     */
    void session(Exchange x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", x.role.key());
        m.put("bearer", x.bearer);
        m.put("ops", Capabilities.OPS);
        m.put("list_fields", Capabilities.LIST_FIELDS);
        x.respond(HttpResponseStatus.OK, Responses.JSON, Codec.encodeResult(null, m), Responses.Caching.NONE);
    }

    /** {@code GET /api/v1/workers}: the workers part of the status. */
    void workers(Exchange x) {
        answer(x, service.handle(new StatusRequest()).thenApply(s -> ((StatusView) s).workers()));
    }
}
