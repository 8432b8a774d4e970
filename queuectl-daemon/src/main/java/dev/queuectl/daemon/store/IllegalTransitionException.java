package dev.queuectl.daemon.store;

import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;

/** A transition the job's current state does not allow; answered as INVALID_STATE. */
public final class IllegalTransitionException extends ProtocolException {
    private final transient JobState current;

    public IllegalTransitionException(JobState current, String message) {
        super(ErrorCode.INVALID_STATE, message);
        this.current = current;
    }

    public JobState current() {
        return current;
    }
}
