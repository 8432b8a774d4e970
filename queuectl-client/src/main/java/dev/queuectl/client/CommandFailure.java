package dev.queuectl.client;

/** Ends a command with a message on stderr and the given exit status. No stack trace, ever. */
public final class CommandFailure extends RuntimeException {
    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A usage error: bad arguments, exit status 2. */
    public static CommandFailure usage(String message) {
        return new CommandFailure(ExitCodes.USAGE, message);
    }
}
