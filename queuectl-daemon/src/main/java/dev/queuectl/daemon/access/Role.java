package dev.queuectl.daemon.access;

/** What a dashboard session or API token may do. */
public enum Role {
    /** Sees everything and may change anything the socket allows. */
    READ_WRITE("read-write"),
    /** Sees everything and changes nothing. */
    READ_ONLY("read-only");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    /** {@code read-write} or {@code read-only}, as in the token file and the API. */
    public String key() {
        return key;
    }
}
