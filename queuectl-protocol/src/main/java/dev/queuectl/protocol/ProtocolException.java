package dev.queuectl.protocol;

/**
 * A request or response that breaks the protocol, or an operation the daemon refuses; carries
 * the {@link ErrorCode} that goes on the wire and a message meant for a person.
 */
public class ProtocolException extends RuntimeException {
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ProtocolException invalid(String message) {
        return new ProtocolException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static ProtocolException notFound(String jobId) {
        return new ProtocolException(ErrorCode.NOT_FOUND, "no job with id '" + jobId + "'");
    }
}
