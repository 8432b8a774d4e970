package dev.queuectl.protocol;

import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.json.JsonSyntaxException;
import dev.queuectl.protocol.json.JsonWritable;
import dev.queuectl.protocol.request.Op;
import dev.queuectl.protocol.request.Request;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON-lines envelope. A request is one object per line: {@code {"op":"...", "req":..., ...fields}};
 * a response is {@code {"ok":true,"req":...,"result":...}} or
 * {@code {"ok":false,"req":...,"error":{"code":"...","message":"..."}}}. The optional {@code req}
 * (a string or an integer) is echoed so a pipelining client can match answers. Stateless and
 * thread-safe; lines are returned without their terminating newline.
 */
public final class Codec {
    private Codec() {
    }

    /** A decoded request and its correlation value (null when the client sent none). */
    public record Decoded(Object req, Request request) {
    }

    /** A request that could not be decoded; carries the correlation value when it was readable. */
    public static final class DecodeException extends ProtocolException {
        private final transient Object req;

        public DecodeException(Object req, ErrorCode code, String message) {
            super(code, message);
            this.req = req;
        }

        public Object req() {
            return req;
        }
    }

    // ---- requests ----

    public static byte[] encodeRequest(Request request, Object req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", request.op().wireName());
        if (req != null) {
            m.put("req", req);
        }
        m.putAll(request.body());
        return Json.toBytes(m);
    }

    public static Decoded decodeRequest(byte[] line, int offset, int length) {
        Object parsed;
        try {
            parsed = Json.parse(line, offset, length);
        } catch (JsonSyntaxException e) {
            throw new DecodeException(null, ErrorCode.MALFORMED_REQUEST, "invalid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new DecodeException(null, ErrorCode.MALFORMED_REQUEST,
                    "a request must be a JSON object like {\"op\":\"status\"}, not " + Fields.typeName(parsed));
        }
        Map<?, ?> map = (Map<?, ?>) parsed;
        Object req = map.get("req");
        if (req != null && !(req instanceof String) && !(req instanceof Long)) {
            throw new DecodeException(null, ErrorCode.INVALID_ARGUMENT, "field 'req' must be a string or an integer");
        }
        Object op = map.get("op");
        if (op == null) {
            throw new DecodeException(req, ErrorCode.UNKNOWN_OP, "missing field 'op' (for example {\"op\":\"status\"})");
        }
        if (!(op instanceof String)) {
            throw new DecodeException(req, ErrorCode.UNKNOWN_OP, "field 'op' must be a string, not " + Fields.typeName(op));
        }
        try {
            Op resolved = Op.fromWire((String) op);
            Fields fields = Fields.of(parsed, "");
            fields.ignore("op");
            fields.ignore("req");
            return new Decoded(req, resolved.decode(fields));
        } catch (ProtocolException e) {
            throw new DecodeException(req, e.code(), e.getMessage());
        }
    }

    // ---- responses ----

    public static byte[] encodeResult(Object req, Object result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        if (req != null) {
            m.put("req", req);
        }
        m.put("result", result instanceof JsonWritable ? ((JsonWritable) result).toJson() : result);
        return Json.toBytes(m);
    }

    public static byte[] encodeError(Object req, ErrorCode code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.wireName());
        error.put("message", message);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        if (req != null) {
            m.put("req", req);
        }
        m.put("error", error);
        return Json.toBytes(m);
    }

    /** Appends the line terminator. */
    public static byte[] line(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 1);
        out.write(json, 0, json.length);
        out.write('\n');
        return out.toByteArray();
    }

    /** A decoded response; {@code result} is the raw JSON value, typed by the caller who knows the op. */
    public record Response(Object req, boolean ok, Object result, ErrorCode code, String message) {
    }

    public static Response decodeResponse(byte[] line, int offset, int length) {
        Object parsed;
        try {
            parsed = Json.parse(line, offset, length);
        } catch (JsonSyntaxException e) {
            throw new ProtocolException(ErrorCode.INTERNAL, "the daemon sent invalid JSON: " + e.getMessage());
        }
        Fields f = Fields.of(parsed, "response");
        boolean ok = f.optBoolean("ok", false);
        Object req = f.optRaw("req");
        if (ok) {
            return new Response(req, true, f.optRaw("result"), null, null);
        }
        Fields error = f.optObject("error");
        if (error == null) {
            throw new ProtocolException(ErrorCode.INTERNAL, "the daemon sent an error without details");
        }
        String code = error.optString("code");
        String message = error.optString("message");
        return new Response(req, false, null, ErrorCode.fromWire(code), message == null ? code : message);
    }
}
