package dev.queuectl.protocol.json;

/** Input was not one well-formed JSON value; the message says why, briefly. */
public final class JsonSyntaxException extends RuntimeException {
    public JsonSyntaxException(String message) {
        super(message, null, false, false);
    }
}
