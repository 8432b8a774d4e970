package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.service.RequestHandler;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.Op;
import io.netty.handler.codec.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/...}: maps each path and method to a protocol operation, builds its request from
 * the path, the query parameters and the JSON body through the protocol's own decoder, and hands
 * it to the same service the socket uses (see {@link ApiCall}). Also the catch-all
 * {@code POST /api/v1/ops/OP}, whose body is the op's fields: whatever the socket can do, the API
 * can. {@code POST /api/v1/bulk/ACTION} applies an action to several jobs (the body is the op's
 * selection: {@code ids}, {@code filter} or {@code all}, with {@code dry_run}). Event loop only; stateless.
 */
final class ApiRouter {
    static final String PREFIX = "/api/v1/";
    /** Action names in paths that differ from the op's wire name. */
    private static final Map<String, String> ACTIONS = Map.of("retry", "dlq_retry", "purge", "dlq_purge");
    /** What {@code POST /api/v1/jobs/ID/ACTION} may name; the ones this daemon has no op for answer 404. */
    private static final java.util.Set<String> JOB_ACTIONS = java.util.Set.of("cancel", "retry", "purge", "rerun",
            "hold", "release", "edit");
    /** What {@code POST /api/v1/bulk/ACTION} may name: the ops that take several ids or a filter. */
    private static final java.util.Set<String> BULK_ACTIONS = java.util.Set.of("cancel", "retry", "purge", "rerun",
            "hold", "release");

    private final ApiCall calls;
    private final EventEndpoint events;

    ApiRouter(RequestHandler service, EventEndpoint events) {
        this.calls = new ApiCall(service);
        this.events = events;
    }

    void handle(Exchange x) {
        String[] seg = x.path.length() <= PREFIX.length() ? new String[0]
                : x.path.substring(PREFIX.length()).split("/", -1);
        try {
            route(x, seg);
        } catch (ProtocolException e) {
            x.fail(e.code(), e.getMessage());
        }
    }

    private void route(Exchange x, String[] seg) {
        String first = seg.length == 0 ? "" : seg[0];
        boolean one = seg.length == 1;
        boolean two = seg.length == 2;
        if (first.equals("jobs")) {
            jobs(x, seg);
        } else if (first.equals("config")) {
            config(x, seg);
        } else if (one && first.equals("status")) {
            if (allow(x, HttpMethod.GET)) {
                calls.call(x, Op.STATUS, Map.of());
            }
        } else if (one && first.equals("stats")) {
            if (allow(x, HttpMethod.GET)) {
                calls.call(x, Op.STATS, Map.of());
            }
        } else if (one && first.equals("session")) {
            if (allow(x, HttpMethod.GET)) {
                calls.session(x);
            }
        } else if (one && first.equals("events")) {
            if (allow(x, HttpMethod.GET)) {
                events.open(x);
            }
        } else if (two && first.equals("dlq") && (seg[1].equals("retry") || seg[1].equals("purge"))) {
            if (allow(x, HttpMethod.POST)) {
                calls.call(x, seg[1].equals("retry") ? Op.DLQ_RETRY : Op.DLQ_PURGE, ApiCall.body(x));
            }
        } else if (two && first.equals("bulk") && BULK_ACTIONS.contains(seg[1])) {
            if (allow(x, HttpMethod.POST)) {
                calls.call(x, Op.fromWire(ACTIONS.getOrDefault(seg[1], seg[1])), ApiCall.body(x));
            }
        } else if (one && first.equals("workers")) {
            if (allow(x, HttpMethod.GET)) {
                calls.workers(x);
            }
        } else if (two && first.equals("workers") && (seg[1].equals("start") || seg[1].equals("stop"))) {
            if (allow(x, HttpMethod.POST)) {
                calls.call(x, seg[1].equals("start") ? Op.WORKER_START : Op.WORKER_STOP, ApiCall.body(x));
            }
        } else if (one && (first.equals("prune") || first.equals("drain"))) {
            if (allow(x, HttpMethod.POST)) {
                calls.call(x, Op.fromWire(first), ApiCall.body(x));
            }
        } else if (two && first.equals("ops")) {
            if (allow(x, HttpMethod.POST)) {
                Op op = Op.fromWire(seg[1]);
                if (op == Op.DASHBOARD) {
                    throw new ProtocolException(ErrorCode.PERMISSION_DENIED, "login links are handed out on the"
                            + " daemon's own host only: run `queuectl dashboard` there");
                }
                calls.call(x, op, ApiCall.body(x));
            }
        } else {
            notFound(x);
        }
    }

    private void jobs(Exchange x, String[] seg) {
        int n = seg.length;
        if (n == 1) {
            if (allow(x, HttpMethod.GET, HttpMethod.POST)) {
                if (x.isRead()) {
                    calls.call(x, Op.LIST, QueryFields.of(x));
                } else {
                    Map<String, Object> body = ApiCall.body(x);
                    calls.call(x, body.containsKey("jobs") ? Op.ENQUEUE_BATCH : Op.ENQUEUE, body);
                }
            }
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", seg[1]);
        if (n == 2) {
            if (allow(x, HttpMethod.GET, HttpMethod.DELETE)) {
                if (x.isRead()) {
                    fields.putAll(QueryFields.of(x)); // show_env
                    fields.put("id", seg[1]);
                }
                calls.call(x, x.isRead() ? Op.SHOW : Op.DLQ_PURGE, fields);
            }
            return;
        }
        if (n == 3 && (seg[2].equals("logs") || seg[2].equals("wait"))) {
            if (allow(x, HttpMethod.GET)) {
                fields.putAll(QueryFields.of(x));
                fields.put("id", seg[1]);
                calls.call(x, Op.fromWire(seg[2]), fields);
            }
            return;
        }
        if (n > 3 || !JOB_ACTIONS.contains(seg[2])) {
            notFound(x);
            return;
        }
        if (allow(x, HttpMethod.POST)) {
            Op op = Op.fromWire(ACTIONS.getOrDefault(seg[2], seg[2]));
            Map<String, Object> body = ApiCall.body(x);
            Object other = body.put("id", seg[1]);
            if (other != null && !other.equals(seg[1])) {
                throw ProtocolException.invalid("the body's 'id' differs from the job in the path");
            }
            calls.call(x, op, body);
        }
    }

    private void config(Exchange x, String[] seg) {
        if (seg.length == 1) {
            if (allow(x, HttpMethod.GET)) {
                calls.call(x, Op.CONFIG_GET, QueryFields.of(x));
            }
        } else if (seg.length == 2) {
            if (allow(x, HttpMethod.GET, HttpMethod.PUT)) {
                Map<String, Object> fields = x.isRead() ? new LinkedHashMap<>() : ApiCall.body(x);
                if (!x.isRead() && !fields.containsKey("value")) {
                    throw ProtocolException.invalid("the body must be {\"value\": ...}");
                }
                fields.put("key", seg[1]);
                calls.call(x, x.isRead() ? Op.CONFIG_GET : Op.CONFIG_SET, fields);
            }
        } else {
            notFound(x);
        }
    }

    /** Whether the method is one of {@code allowed} (HEAD counts as GET); answers 405 when not. */
    private static boolean allow(Exchange x, HttpMethod... allowed) {
        StringBuilder names = new StringBuilder();
        for (HttpMethod m : allowed) {
            if (x.method.equals(m) || (x.head && m.equals(HttpMethod.GET))) {
                return true;
            }
            names.append(names.length() == 0 ? "" : ", ").append(m.name());
        }
        var r = Responses.error(io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED, ErrorCode.UNKNOWN_OP,
                x.method.name() + " is not allowed on " + x.path + "; use " + names, x.head);
        r.headers().set("Allow", names.toString());
        x.respond(r);
        return false;
    }

    private static void notFound(Exchange x) {
        x.fail(ErrorCode.UNKNOWN_OP, "no API endpoint " + Printable.of(x.path, 200)
                + "; the README's API reference lists them");
    }
}
