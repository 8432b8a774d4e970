package dev.queuectl.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The daemon's node id: the owner of every run it claims. Given by the {@code node-id} setting,
 * else kept in {@code node-id} in the data dir, created there once as the host name plus a
 * random suffix, so it stays the same across restarts and never collides with another host's.
 */
final class NodeIdentity {
    static final String FILE = "node-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private NodeIdentity() {
    }

    static String resolve(String configured, Path dataDir) {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!VALID.matcher(id).matches()) {
                    throw new DaemonStartException(file + " does not hold a node id (1-64 of A-Z a-z 0-9 . _ : @ -);"
                            + " fix or delete it, or set node-id");
                }
                return id;
            }
            String id = generate();
            Path tmp = Files.createTempFile(dataDir, FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new DaemonStartException("cannot keep the node id in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String generate() {
        String host = hostName();
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String clean = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        if (clean.length() > 50) {
            clean = clean.substring(0, 50);
        }
        if (clean.isEmpty()) {
            clean = "queuectld";
        }
        return clean + "-" + HexFormat.of().formatHex(random);
    }

    static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            return name.isEmpty() ? "queuectld" : name;
        } catch (IOException e) {
            return "queuectld";
        }
    }
}
