package dev.queuectl.daemon.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard's secrets: one random 256-bit token per {@link Role}, kept in
 * {@value #FILE_NAME} (mode 0600) in the data dir so that login links survive restarts, and
 * replaced together by {@link #rotate()}. A session cookie's value is derived from its token
 * (an HMAC), so the daemon keeps no session table and a rotation ends every session at once.
 * Comparisons are constant-time. Thread-safe: the tokens are swapped as one immutable value.
 */
public final class DashboardAccess {
    private static final Logger log = LoggerFactory.getLogger(DashboardAccess.class);
    public static final String FILE_NAME = "dashboard-tokens";
    private static final byte[] SESSION_LABEL = "queuectl dashboard session v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Both roles' tokens and the session values derived from them. */
    private record Secrets(Map<Role, String> tokens, Map<Role, String> sessions) {
    }

    private final Path file;
    private volatile Secrets secrets;
    private volatile String baseUrl;

    private DashboardAccess(Path file, Secrets secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    /** Reads the tokens from the data dir, creating them on first use; an {@link IOException} says why it cannot. */
    public static DashboardAccess open(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Map<Role, String> tokens = Files.exists(file) ? read(file) : null;
        if (tokens == null) {
            tokens = fresh();
            write(file, tokens);
        } else if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; made it 0600 (rotate the tokens with `queuectl dashboard --rotate`)",
                    file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return new DashboardAccess(file, derive(tokens));
    }

    /** Replaces both tokens (and with them every session); the new ones are on disk before this returns. */
    public synchronized void rotate() throws IOException {
        Map<Role, String> tokens = fresh();
        write(file, tokens);
        secrets = derive(tokens);
        log.info("dashboard tokens rotated: earlier login links, sessions and API tokens no longer work");
    }

    /** The role a token grants, if it is one of the two. */
    public Optional<Role> roleOfToken(String token) {
        return match(secrets.tokens(), token);
    }

    /** The role a session cookie's value grants, if it is current. */
    public Optional<Role> roleOfSession(String value) {
        return match(secrets.sessions(), value);
    }

    /** The value of a session cookie for {@code role}. */
    public String sessionValue(Role role) {
        return secrets.sessions().get(role);
    }

    public String token(Role role) {
        return secrets.tokens().get(role);
    }

    /** Called once the listener is bound: the dashboard's address, such as {@code http://127.0.0.1:8765/}. */
    public void listening(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The dashboard's address, or null while no listener is bound. */
    public String baseUrl() {
        return baseUrl;
    }

    private static Optional<Role> match(Map<Role, String> values, String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        byte[] c = candidate.getBytes(StandardCharsets.US_ASCII);
        Role found = null;
        for (Map.Entry<Role, String> e : values.entrySet()) {
            // Every value is compared, whatever matched, so timing tells nothing.
            if (MessageDigest.isEqual(c, e.getValue().getBytes(StandardCharsets.US_ASCII))) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Map<Role, String> fresh() {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            tokens.put(r, B64.encodeToString(b));
        }
        return tokens;
    }

    private static Secrets derive(Map<Role, String> tokens) {
        Map<Role, String> sessions = new EnumMap<>(Role.class);
        for (Map.Entry<Role, String> e : tokens.entrySet()) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(e.getValue().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
                mac.update(e.getKey().key().getBytes(StandardCharsets.US_ASCII));
                sessions.put(e.getKey(), B64.encodeToString(mac.doFinal(SESSION_LABEL)));
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException("HmacSHA256 is not available in this JDK", ex);
            }
        }
        return new Secrets(Map.copyOf(tokens), Map.copyOf(sessions));
    }

    /** The tokens in the file, or null when it does not hold both (it is then rewritten). */
    private static Map<Role, String> read(Path file) throws IOException {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            for (Role r : Role.values()) {
                if (r.key().equals(key) && value.matches("[A-Za-z0-9_-]{43}")) {
                    tokens.put(r, value);
                }
            }
        }
        if (tokens.size() != Role.values().length) {
            log.warn("{} does not hold both dashboard tokens; writing new ones", file);
            return null;
        }
        return tokens;
    }

    private static void write(Path file, Map<Role, String> tokens) throws IOException {
        StringBuilder b = new StringBuilder("# queuectld web dashboard tokens (secret). Replace them with"
                + " `queuectl dashboard --rotate`.\n");
        for (Role r : Role.values()) {
            b.append(r.key()).append(" = ").append(tokens.get(r)).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return "DashboardAccess[" + file + "]";
    }
}
