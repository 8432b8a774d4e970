package dev.queuectl.client;

import dev.queuectl.protocol.ErrorCode;

/**
 * Ends a command with a message and the exit status of its {@link ErrorCode}. No stack trace,
 * ever. With {@code --json} the code and message are also printed on stdout as the protocol's
 * error object, so that scripts need not parse stderr.
 */
public final class CommandFailure extends RuntimeException {
    private final ErrorCode code;

    public CommandFailure(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A bad argument or option: exit status 2. */
    public static CommandFailure usage(String message) {
        return new CommandFailure(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** The daemon cannot be reached or does not answer: exit status 5. */
    public static CommandFailure unavailable(String message) {
        return new CommandFailure(ErrorCode.UNAVAILABLE, message);
    }

    public ErrorCode code() {
        return code;
    }

    public int exitCode() {
        return ExitCodes.of(code);
    }
}
