package dev.queuectl.protocol;

import java.util.regex.Pattern;

/** The rule for queue names: the job id alphabet, 1 to 64 characters. Thread-safe. */
public final class QueueNames {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    /** Where jobs go when they name no queue. */
    public static final String DEFAULT = "default";

    private QueueNames() {
    }

    /** Returns {@code name} if it is a valid queue name, else refuses it naming {@code what}. */
    public static String check(String what, String name) {
        if (!PATTERN.matcher(name).matches()) {
            String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            throw ProtocolException.invalid(what + ": invalid queue name '" + shown
                    + "': use 1 to 64 characters from A-Z a-z 0-9 . _ : @ -");
        }
        return name;
    }
}
