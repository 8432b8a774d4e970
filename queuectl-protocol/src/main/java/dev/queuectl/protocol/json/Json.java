package dev.queuectl.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and writes JSON as plain Java values: {@code Map<String,Object>} (insertion ordered),
 * {@code List<Object>}, {@code String}, {@code Long}, {@code BigInteger}, {@code Double},
 * {@code Boolean} and {@code null}. Built on jackson-core's streaming API only, so that the
 * client does not pay jackson-databind's start-up cost.
 *
 * <p>Parsing is strict: one value per input, duplicate keys refused, nesting depth bounded.
 * Thread-safe: the factory is immutable once built.
 */
public final class Json {
    /** Deepest nesting a request may have; real requests need three levels. */
    public static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(64)
                    .build())
            .build();

    private Json() {
    }

    /**
     * Parses exactly one JSON value.
     *
     * @throws JsonSyntaxException with a short, human-readable reason when the input is not
     *     one well-formed JSON value in UTF-8
     */
    public static Object parse(byte[] utf8, int offset, int length) {
        try (JsonParser p = FACTORY.createParser(utf8, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("empty input");
            }
            Object value = read(p, first);
            if (p.nextToken() != null) {
                throw new JsonSyntaxException("unexpected data after the JSON value at column "
                        + p.currentLocation().getColumnNr());
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new JsonSyntaxException("JSON nested deeper than " + MAX_DEPTH + " levels or a number too long");
        } catch (JsonEOFException e) {
            throw new JsonSyntaxException("truncated JSON");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new JsonSyntaxException(shortReason(e));
        } catch (IOException e) {
            throw new JsonSyntaxException(e.getMessage());
        }
    }

    public static Object parse(byte[] utf8) {
        return parse(utf8, 0, utf8.length);
    }

    public static Object parse(String text) {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String shortReason(com.fasterxml.jackson.core.JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return "invalid JSON";
        }
        int cut = msg.indexOf('\n');
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        if (msg.length() > 160) {
            msg = msg.substring(0, 160) + "…";
        }
        if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
            msg = msg + " (column " + e.getLocation().getColumnNr() + ")";
        }
        return msg;
    }

    private static Object read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new JsonSyntaxException("malformed object");
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new JsonSyntaxException("truncated JSON");
                    }
                    list.add(read(p, t));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return p.getBigIntegerValue();
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonSyntaxException("unexpected token " + token);
        }
    }

    /** Writes {@code value} as compact JSON (no trailing newline). */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(value, out, false);
        return out.toByteArray();
    }

    public static String toString(Object value) {
        return new String(toBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes {@code value} indented for people to read. */
    public static String toPrettyString(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(value, out, true);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static void write(Object value, OutputStream out, boolean pretty) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String) {
            g.writeString((String) value);
        } else if (value instanceof Boolean) {
            g.writeBoolean((Boolean) value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                g.writeNumber((long) d);
            } else {
                g.writeNumber(d);
            }
        } else if (value instanceof BigInteger) {
            g.writeNumber((BigInteger) value);
        } else if (value instanceof BigDecimal) {
            g.writeNumber((BigDecimal) value);
        } else if (value instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable) {
            g.writeStartArray();
            for (Object o : (Iterable<?>) value) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof JsonWritable) {
            write(g, ((JsonWritable) value).toJson());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
