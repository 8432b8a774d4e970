package dev.queuectl.protocol;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Timestamps on the wire: ISO-8601 in UTC with millisecond precision, e.g. {@code 2026-11-23T10:00:00.250Z}. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    public static String formatMillis(Long epochMillis) {
        return epochMillis == null ? null : format(Instant.ofEpochMilli(epochMillis));
    }

    /** Accepts {@code 2026-11-23T10:00:00Z} and offsets such as {@code 2026-11-23T11:00:00+01:00}. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is not an ISO-8601 timestamp with a zone (for example 2026-11-23T10:00:00Z)");
        }
    }
}
