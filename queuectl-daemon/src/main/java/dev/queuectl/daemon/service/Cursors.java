package dev.queuectl.daemon.service;

import dev.queuectl.protocol.JobFilter;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque cursors of {@code list}: where the next page starts (a job's seq) and a checksum of
 * the listing it belongs to (its filter and order), so a cursor handed to another listing is
 * refused rather than silently skipping jobs. Clients never look inside. Thread-safe.
 */
public final class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    public static String encode(long seq, JobFilter filter, boolean newestFirst) {
        String plain = "1:" + seq + ":" + Long.toHexString(listing(filter, newestFirst));
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq a cursor continues from; INVALID_ARGUMENT for a cursor of another listing or no cursor at all. */
    public static long decode(String cursor, JobFilter filter, boolean newestFirst) {
        String[] parts;
        try {
            parts = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII).split(":");
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (parts.length != 3 || !parts[0].equals("1")) {
            throw notACursor();
        }
        long seq;
        long checksum;
        try {
            seq = Long.parseLong(parts[1]);
            checksum = Long.parseUnsignedLong(parts[2], 16);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
        if (seq < 0 || checksum != listing(filter, newestFirst)) {
            throw ProtocolException.invalid("this cursor belongs to another listing (other filters or order);"
                    + " give the same filters it came with, or start again without a cursor");
        }
        return seq;
    }

    private static ProtocolException notACursor() {
        return ProtocolException.invalid("field 'cursor' is not a cursor this daemon made;"
                + " pass back the 'next' of the previous page unchanged");
    }

    private static long listing(JobFilter filter, boolean newestFirst) {
        CRC32 crc = new CRC32();
        crc.update(Json.toBytes(filter.toJson()));
        crc.update(newestFirst ? 1 : 0);
        return crc.getValue();
    }
}
